package io.kefu.ui.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.kefu.ui.it.Api;
import io.kefu.ui.it.Api.Credentials;
import io.kefu.ui.it.Api.Reply;
import io.kefu.ui.it.TestTenants;

/**
 * The shell live in a real browser on the real server: changes made over REST reach an open page
 * by server push (a websocket through Payara Micro, the requests through the tenant filter)
 * without a reload: a notice about the agent's own ticket, then the bell counting the SLA
 * warning and breach of it. Then the shortcuts and the theme surviving a reload.
 */
class LiveShellBrowserIT {

    private static RunningKefu kefu;

    /** The Kefu shared by the browser test classes ({@link RunningKefu#shared()}): sweeps every second. */
    @BeforeAll
    static void startKefu() throws Exception {
        kefu = RunningKefu.sharedForBrowsers();
    }

    @Test
    void restChangesReachTheOpenPage_withoutReload() throws Exception {
        Api api = Api.at(kefu.baseUrl);
        String tenant = TestTenants.uniqueCode("live");
        Reply provisioned = api.post("/api/v1/tenants", new Credentials("operator", RunningKefu.OPERATOR_PASSWORD),
                TestTenants.body(tenant, "Live " + tenant, "general", "admin", "pw-" + tenant + "-9", "admin@" + tenant + ".example.com"));
        assertEquals(201, provisioned.status(), provisioned::toString);
        Credentials admin = Credentials.tenantUser(tenant, "admin", "pw-" + tenant + "-9");
        Reply ann = api.post("/api/v1/users", admin, "{\"username\":\"ann\",\"password\":\"pw-ann-2026\",\"role\":\"AGENT\","
                + "\"displayName\":\"Ann Agent\",\"email\":\"ann@" + tenant + ".example.com\"}");
        assertEquals(201, ann.status(), ann::toString);
        Reply created = api.post("/api/v1/tickets", admin, "{\"kind\":\"INQUIRY\",\"priority\":\"LOW\",\"subject\":\"Parcel late\"}");
        assertEquals(201, created.status(), created::toString);
        String number = created.string("number");
        Reply assigned = api.post("/api/v1/tickets/" + number + "/transitions", admin, "{\"to\":\"ASSIGNED\",\"assignee\":\"ann\"}");
        assertEquals(200, assigned.status(), assigned::toString);

        ChromeDriver browser = Chromium.start("en-US");
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            logIn(browser, wait, tenant, "ann", "pw-ann-2026");
            JavascriptExecutor js = browser;
            js.executeScript("window.__samePage = 'yes'");
            Chromium.screenshot(browser, "shell-1280.png");

            // A note by the admin on Ann's ticket: a notice on her page.
            Reply note = api.post("/api/v1/tickets/" + number + "/comments", admin, "{\"body\":\"Called the depot\",\"internal\":true}");
            assertEquals(201, note.status(), note::toString);
            wait.until(d -> notices(d).contains(number + ": internal note added by admin"));
            Chromium.screenshot(browser, "shell-notice.png");

            // A rule that warns after 1.5 s and breaches after 3 s, for both open tickets of Ann: the bell counts
            // the two warnings and two breaches as they fire, live.
            Reply rule = api.put("/api/v1/service-standards/tight", admin, "{\"name\":{\"zh-CN\":\"三秒响应\",\"en\":\"Three seconds\"},"
                    + "\"order\":1,\"calendar\":\"24x7\",\"businessTime\":false,\"targets\":{\"firstResponse\":\"PT3S\"},\"warnAtPercent\":50,"
                    + "\"onBreach\":[{\"action\":\"NOTIFY\"}]}");
            assertEquals(201, rule.status(), rule::toString);
            Reply second = api.post("/api/v1/tickets", admin, "{\"kind\":\"INQUIRY\",\"priority\":\"LOW\",\"subject\":\"Box damaged\"}");
            String breaching = second.string("number");
            api.post("/api/v1/tickets/" + breaching + "/transitions", admin, "{\"to\":\"ASSIGNED\",\"assignee\":\"ann\"}");
            wait.until(d -> "4".equals(d.findElement(By.id("notifications-count")).getText().trim()));
            assertEquals("yes", js.executeScript("return window.__samePage"), "no reload");
            // WEBSOCKET_XHR: pushed over the websocket, not by Atmosphere's long-polling fallback.
            assertEquals(0L, ((Number) js.executeScript("return performance.getEntriesByType('resource')"
                    + ".filter(e => e.name.includes('X-Atmosphere-Transport=long-polling')).length")).longValue());

            browser.findElement(By.id("notifications")).click();
            WebElement newest = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#notifications-list [role=link]")));
            assertEquals(0L, ((Number) js.executeScript("const l = document.getElementById('notifications-list');"
                    + " return l.scrollWidth - l.clientWidth")).longValue(), "the notifications list does not scroll sideways");
            assertTrue(newest.getText().matches("(?s).*KF-2026-00000[12] missed its first response target.*"), newest.getText());
            Chromium.screenshot(browser, "shell-notifications.png");
            String opened = newest.getText().substring(0, "KF-2026-000001".length());
            newest.click();
            wait.until(ExpectedConditions.urlContains("tickets/" + opened));
            browser.get(kefu.baseUrl + "/");
            wait.until(d -> "3".equals(d.findElement(By.id("notifications-count")).getText().trim()));
            Reply mine = api.get("/api/v1/notifications", Credentials.tenantUser(tenant, "ann", "pw-ann-2026"));
            assertEquals(3, mine.json().getInt("unread"), mine::toString);
            // The same notifications over REST: marking read is the caller's own business.
            Credentials annApi = Credentials.tenantUser(tenant, "ann", "pw-ann-2026");
            String someId = mine.json().getJsonArray("items").getJsonObject(0).getString("id");
            assertEquals(404, api.post("/api/v1/notifications/" + someId + "/read", admin, "{}").status(), "not the admin's");
            Reply one = api.post("/api/v1/notifications/" + someId + "/read", annApi, "{}");
            assertEquals(200, one.status(), one::toString);
            assertTrue(one.json().containsKey("readAt"), one::toString);
            Reply all = api.post("/api/v1/notifications/read", annApi, "{}");
            assertEquals(200, all.status(), all::toString);
            assertEquals(0, api.get("/api/v1/notifications", annApi).json().getInt("unread"));

            // Shortcuts outside fields: "/" focuses the search, "g q" goes to the queues, "?" lists them.
            browser.get(kefu.baseUrl + "/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("global-search")));
            new Actions(browser).sendKeys("/").perform();
            wait.until(d -> "global-search".equals(js.executeScript(
                    "const a = document.activeElement; return a && a.closest('vaadin-text-field') ? a.closest('vaadin-text-field').id : null")));
            browser.findElement(By.cssSelector("#global-search input")).sendKeys(number + "\n");
            wait.until(ExpectedConditions.urlContains("tickets/" + number));
            browser.get(kefu.baseUrl + "/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("global-search")));
            new Actions(browser).sendKeys("?").perform();
            WebElement help = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("shortcuts-list")));
            assertTrue(help.getText().contains("Go to the queues"), help.getText());
            Chromium.screenshot(browser, "shell-shortcuts.png");
            browser.findElement(By.id("shortcuts-help-close")).click();
            new Actions(browser).sendKeys("g").sendKeys("q").perform();
            wait.until(ExpectedConditions.urlContains("/queues"));

            // Dark, and still dark after a reload.
            browser.get(kefu.baseUrl + "/");
            wait.until(ExpectedConditions.elementToBeClickable(By.id("user-menu"))).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("theme-toggle"))).click();
            wait.until(d -> dark(d));
            browser.navigate().refresh();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-menu")));
            wait.until(d -> dark(d));
            Chromium.screenshot(browser, "shell-dark-1280.png");

            // A tablet: the drawer overlays, the header still fits.
            browser.manage().window().setSize(new Dimension(768, 1024));
            Thread.sleep(500);
            Chromium.screenshot(browser, "shell-tablet.png");
            assertTrue((Boolean) js.executeScript("return document.querySelector('vaadin-app-layout').hasAttribute('overlay')"),
                    "the drawer overlays the view on a tablet");
        } finally {
            browser.quit();
        }
        assertTrue(kefu.logText().contains("No data grid") || kefu.logText().contains("data grid's topic"), "the feed said how it runs");
    }

    /** Lumo's dark variant on the page (Vaadin puts the UI's theme on the page's root). */
    private static boolean dark(WebDriver d) {
        return String.valueOf(((JavascriptExecutor) d).executeScript(
                "return (document.documentElement.getAttribute('theme') || '') + ' ' + (document.body.getAttribute('theme') || '')"))
                .contains("dark");
    }

    private static String notices(WebDriver d) {
        return String.valueOf(((JavascriptExecutor) d).executeScript(
                "return [...document.querySelectorAll('vaadin-notification-card')].map(c => c.innerText).join(' | ')"));
    }

    private static void logIn(WebDriver browser, WebDriverWait wait, String tenant, String user, String password) {
        browser.get(kefu.baseUrl + "/login");
        WebElement button = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-button")));
        Chromium.type(browser, "tenant", tenant);
        Chromium.type(browser, "username", user);
        Chromium.type(browser, "password", password);
        button.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-menu")));
    }


}
