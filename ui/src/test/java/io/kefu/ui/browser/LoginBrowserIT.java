package io.kefu.ui.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The smoke test a new user performs: start the bundle, open the login page in a real browser,
 * log in to the demo tenant, see who is logged in, log out.
 */
class LoginBrowserIT {

    private static RunningKefu kefu;

    /** The demo Kefu shared by the browser test classes ({@link RunningKefu#shared()}). */
    @BeforeAll
    static void startKefu() throws Exception {
        kefu = RunningKefu.sharedForBrowsers();
    }

    @Test
    void aChineseBrowserLogsInToTheDemoTenantAndSeesTheFirstView() throws Exception {
        ChromeDriver browser = Chromium.start("zh-CN");
        try {
            browser.get(kefu.baseUrl + "/");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.urlContains("/login"));
            WebElement button = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-button")));
            assertEquals("登录", button.getText().trim(), "a Chinese browser gets the Chinese login page");
            Chromium.screenshot(browser, "login-zh.png");

            Chromium.type(browser, "tenant", "demo");
            Chromium.type(browser, "username", "agent");
            Chromium.type(browser, "password", "demo1234");
            button.click();

            // The workspace opens on the queues; "about me" is at /me.
            WebElement queues = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("queue-title")));
            assertEquals("我的工单", queues.getText().trim());
            Chromium.screenshot(browser, "queues-zh.png");
            browser.get(kefu.baseUrl + "/me");
            WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
            assertTrue(user.getText().contains("李客服"), user.getText());
            assertTrue(browser.findElement(By.id("current-role")).getText().contains("坐席"));
            assertTrue(browser.findElement(By.id("current-tenant")).getText().contains("demo"));
            Chromium.screenshot(browser, "home-zh.png");

            wait.until(ExpectedConditions.elementToBeClickable(By.id("user-menu"))).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
            wait.until(ExpectedConditions.urlContains("/login"));
            browser.get(kefu.baseUrl + "/");
            wait.until(ExpectedConditions.urlContains("/login"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void anEnglishBrowserGetsEnglishAndAWrongPasswordIsShownAtTheField() throws Exception {
        ChromeDriver browser = Chromium.start("en-US");
        try {
            browser.get(kefu.baseUrl + "/login");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            WebElement button = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-button")));
            assertEquals("Log in", button.getText().trim());

            Chromium.type(browser, "tenant", "demo");
            Chromium.type(browser, "username", "agent");
            Chromium.type(browser, "password", "wrong-password");
            button.click();

            wait.until(d -> "true".equals(d.findElement(By.id("password")).getDomProperty("invalid")));
            String error = browser.findElement(By.id("password")).getDomProperty("errorMessage");
            assertTrue(error.contains("wrong"), error);
            assertEquals("demo", browser.findElement(By.cssSelector("#tenant input")).getDomProperty("value"),
                    "what the user typed is kept");
            Chromium.screenshot(browser, "login-error-en.png");
        } finally {
            browser.quit();
        }
    }
}
