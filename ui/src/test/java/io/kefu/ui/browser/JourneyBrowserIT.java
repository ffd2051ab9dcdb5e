package io.kefu.ui.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An agent's day in a real browser, against the runnable bundle on the embedded database with
 * its demo tenant: log in, find a ticket in a queue, open it, reply, resolve it; and a second
 * session that sees the agent's reply and an API change appear without reloading. Screenshots go
 * where {@link Chromium#screenshot} puts them ({@code docs/screenshots/regenerate.sh}).
 */
class JourneyBrowserIT {

    private static RunningKefu kefu;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The demo Kefu shared by the browser test classes ({@link RunningKefu#shared()}). */
    @BeforeAll
    static void startKefu() throws Exception {
        kefu = RunningKefu.sharedForBrowsers();
    }

    @Test
    void theDemoSupervisorAndAgentAreATeam_soTheTeamBoardShowsWork() throws Exception {
        String members = api("GET", "/api/v1/teams/front-line", "supervisor", null, 200, "\"members\"\\s*:\\s*(\\[.*?\\])");
        assertTrue(members.contains("\"supervisor\"") && members.contains("\"agent\""), members);
        // The demo's tickets are the team's, so its board's lists of unassigned and at-risk tickets have them too.
        assertTrue(api("GET", "/api/v1/tickets?team=front-line&status=NEW", "supervisor", null, 200,
                "\"number\"\\s*:\\s*\"([^\"]+)\"") != null, "the team's unassigned demo tickets");
    }

    @Test
    void anAgentFindsATicketInTheQueue_repliesAndResolvesIt_whileASupervisorWatchesItChangeLive() throws Exception {
        String token = "journey" + System.nanoTime();
        String subject = "宽带掉线 " + token;
        String number = api("POST", "/api/v1/tickets", "agent",
                "{\"kind\":\"FAULT\",\"subject\":\"" + subject + "\",\"priority\":\"HIGH\",\"channel\":\"PHONE\",\"description\":\"宽带掉线 broadband drops\"}", 201,
                "\"number\"\\s*:\\s*\"([^\"]+)\"");
        api("POST", "/api/v1/tickets/" + number + "/transitions", "agent", "{\"to\":\"ASSIGNED\",\"assignee\":\"agent\"}", 200, null);
        api("POST", "/api/v1/tickets/" + number + "/transitions", "agent", "{\"to\":\"IN_PROGRESS\"}", 200, null);

        ChromeDriver agent = Chromium.start("zh-CN");
        ChromeDriver supervisor = Chromium.start("en-US");
        try {
            logIn(agent, "agent");
            WebDriverWait wait = new WebDriverWait(agent, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("queue-grid")));
            Chromium.screenshot(agent, "queues-zh.png");

            // Find it in the queue by text, open it.
            type(agent, "filter-text", token);
            WebElement row = wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//vaadin-grid-cell-content[contains(., '" + subject + "')]")));
            row.click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-view")));
            assertTrue(agent.getCurrentUrl().endsWith("/tickets/" + number), agent.getCurrentUrl());

            // The supervisor watches the same ticket in another session.
            logIn(supervisor, "supervisor");
            supervisor.get(kefu.baseUrl + "/tickets/" + number);
            WebDriverWait watch = new WebDriverWait(supervisor, Duration.ofSeconds(30));
            watch.until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline")));

            // Reply.
            String reply = "您好，已为您重置光猫，请再试。We reset your modem.";
            click(agent, "mode-reply");
            type(agent, "composer", reply);
            click(agent, "send");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), reply));
            Chromium.screenshot(agent, "ticket-zh.png");

            // The supervisor sees the reply appear without reloading.
            watch.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), reply));

            // A change through the API appears too.
            String note = "API note " + System.nanoTime();
            api("POST", "/api/v1/tickets/" + number + "/comments", "agent", "{\"body\":\"" + note + "\",\"internal\":true}", 201, null);
            watch.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), note));
            Chromium.screenshot(supervisor, "ticket-live-en.png");

            // Resolve: the transition asks for its resolution.
            click(agent, "transition-RESOLVED");
            // The dialog's own element is an overlay host; its input is what shows.
            type(agent, "transition-input", "重置光猫后恢复");
            click(agent, "transition-confirm");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-status"), "已解决"));
            watch.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-status"), "Resolved"));
            assertEquals("RESOLVED", api("GET", "/api/v1/tickets/" + number, "agent", null, 200, "\"status\"\\s*:\\s*\"([A-Z_]+)\""));
        } finally {
            agent.quit();
            supervisor.quit();
        }
    }

    private static void logIn(ChromeDriver browser, String user) {
        browser.get(kefu.baseUrl + "/login");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        WebElement button = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-button")));
        Chromium.type(browser, "tenant", "demo");
        Chromium.type(browser, "username", user);
        Chromium.type(browser, "password", "demo1234");
        button.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-menu")));
    }

    /** Scrolls the element into view as a user would (the layout's content scrolls, not the window), then clicks it. */
    private static void click(WebDriver browser, String id) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    /** Types into a Vaadin text field or text area with that id and leaves it, so the value reaches the server. */
    private static void type(WebDriver browser, String id, String text) {
        WebElement input = new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#" + id + " textarea, #" + id + " input")));
        input.clear();
        input.sendKeys(text);
        ((JavascriptExecutor) browser).executeScript("arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", input);
    }

    /** A REST call as a demo user; returns the first group of {@code extract} in the answer, if given. */
    private static String api(String method, String path, String user, String json, int expected, String extract)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(kefu.baseUrl + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("demo/" + user + ":demo1234").getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, r.statusCode(), method + " " + path + ": " + r.body());
        if (extract == null) {
            return null;
        }
        Matcher m = Pattern.compile(extract).matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1);
    }
}
