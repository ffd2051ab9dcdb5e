package io.kefu.ui.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.kefu.ui.it.Api;
import io.kefu.ui.it.Api.Credentials;

/**
 * The customer pages and the team board in a real browser against the real platform (the demo
 * express tenant and its customers): the list masks contacts, a customer's page reveals them to
 * a supervisor and lists the customer's tickets, the board shows a team and hands a ticket over
 * through its menu, and an agent is told the board is not theirs.
 */
class PeopleBrowserIT {

    private static final String TENANT = "demo-express";

    private static RunningKefu kefu;

    /** The demo Kefu shared by the browser test classes ({@link RunningKefu#shared()}). */
    @BeforeAll
    static void startKefu() throws Exception {
        kefu = RunningKefu.sharedForBrowsers();
    }

    @Test
    void aSupervisorFindsACustomerRevealsTheContactsAndSeesTheTickets() throws Exception {
        ChromeDriver browser = Chromium.start("en-US");
        try {
            WebDriverWait wait = logIn(browser, "supervisor");
            browser.get(kefu.baseUrl + "/customers");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("customers-grid")));
            wait.until(d -> cells(d).stream().anyMatch(c -> c.getText().contains("王晓梅")));
            assertTrue(cells(browser).stream().anyMatch(c -> c.getText().equals("138****8001")), "the list masks phones");
            Chromium.screenshot(browser, "customers-en.png");

            Chromium.type(browser, "customer-search", "晓梅");
            wait.until(d -> cells(d).stream().noneMatch(c -> c.getText().contains("李")));
            cells(browser).stream().filter(c -> c.getText().contains("王晓梅")).findFirst().orElseThrow().click();

            wait.until(ExpectedConditions.urlContains("/customers/"));
            WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("customer-title")));
            assertEquals("王晓梅", title.getText());
            assertTrue(browser.findElement(By.id("contact-0")).getText().contains("****"), "masked until revealed");
            browser.findElement(By.id("reveal-contacts")).click();
            // The reveal re-renders the contacts: look them up afresh on every try.
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("contact-0")).getText().contains("13800138001"));
            wait.until(d -> !d.findElements(By.cssSelector("#customer-tickets vaadin-grid-cell-content a")).isEmpty());
            String firstTicket = browser.findElements(By.cssSelector("#customer-tickets vaadin-grid-cell-content a")).get(0).getText();
            assertTrue(firstTicket.startsWith("KF"), firstTicket);
            Chromium.screenshot(browser, "customer-en.png");
        } finally {
            browser.quit();
        }
    }

    @Test
    void aSupervisorHandsAnUnassignedTicketToAnAgentFromTheBoard_andAnAgentIsToldTheBoardIsNotTheirs() throws Exception {
        Api api = Api.at(kefu.baseUrl);
        Credentials admin = Credentials.tenantUser(TENANT, "admin", "demo1234");
        int created = api.post("/api/v1/teams", admin, "{\"code\":\"board-desk\",\"name\":\"售后服务组\"}").status();
        assertTrue(created == 201 || created == 409, "team: " + created);
        assertTrue(api.put("/api/v1/teams/board-desk/members/supervisor", admin, null).status() < 300);
        assertTrue(api.put("/api/v1/teams/board-desk/members/agent", admin, null).status() < 300);
        Api.Reply ticket = api.post("/api/v1/tickets", admin, "{\"kind\":\"INQUIRY\",\"subject\":\"看板转派测试\",\"team\":\"board-desk\"}");
        assertEquals(201, ticket.status(), ticket::toString);
        String number = ticket.json().getString("number");

        ChromeDriver browser = Chromium.start("zh-CN");
        try {
            WebDriverWait wait = logIn(browser, "supervisor");
            browser.get(kefu.baseUrl + "/team");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("team-agents")));
            wait.until(d -> !d.findElements(By.id("assign-menu-" + number)).isEmpty());
            Chromium.screenshot(browser, "team-zh.png");

            browser.findElement(By.cssSelector("#assign-menu-" + number + " vaadin-menu-bar-button")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("assign-" + number + "-to-agent"))).click();
            wait.until(d -> d.findElement(By.id("team-message")).getText().contains(number));
            assertTrue(browser.findElement(By.id("team-message")).getText().contains("已转给"));
            assertEquals("agent", api.get("/api/v1/tickets/" + number, admin).json().getString("assignee"));
            wait.until(d -> d.findElements(By.id("assign-menu-" + number)).stream().noneMatch(WebElement::isDisplayed)
                    || !d.findElement(By.id("team-unassigned")).getText().contains(number));
        } finally {
            browser.quit();
        }

        ChromeDriver agentBrowser = Chromium.start("en-US");
        try {
            WebDriverWait wait = logIn(agentBrowser, "agent");
            agentBrowser.get(kefu.baseUrl + "/team");
            WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("team-not-allowed")));
            assertTrue(refused.getText().contains("This page is for supervisors"), refused.getText());
            assertFalse(agentBrowser.findElements(By.id("team-agents")).stream().anyMatch(WebElement::isDisplayed));
        } finally {
            agentBrowser.quit();
        }
    }

    private static WebDriverWait logIn(ChromeDriver browser, String username) {
        browser.get(kefu.baseUrl + "/login");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        WebElement button = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-button")));
        Chromium.type(browser, "tenant", TENANT);
        Chromium.type(browser, "username", username);
        Chromium.type(browser, "password", "demo1234");
        button.click();
        // Logged in: the workspace's header shows the user menu.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-menu")));
        return wait;
    }

    private static List<WebElement> cells(WebDriver browser) {
        return browser.findElements(By.cssSelector("#customers-grid vaadin-grid-cell-content"));
    }
}
