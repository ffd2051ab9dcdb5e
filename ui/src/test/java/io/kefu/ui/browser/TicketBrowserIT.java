package io.kefu.ui.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A supervisor works a demo ticket in a real browser, through the production glue
 * ({@code TicketDesk} on the real platform services): the ticket opens with its countdown,
 * timeline, customer and plugin panel; a reply with markup is posted and shown as text; the
 * note composer is reached by its key; the new-ticket view puts a missing subject on its field.
 * Screenshots at 1280x800 and at tablet width land in target/screenshots.
 */
class TicketBrowserIT {

    private static String baseUrl;

    /**
     * The demo Kefu shared by the browser test classes ({@link RunningKefu#shared()});
     * {@code -Dkefu.url=http://127.0.0.1:8140} drives an instance already running instead.
     */
    @BeforeAll
    static void startKefu() throws Exception {
        Chromium.assumeInstalled();
        baseUrl = System.getProperty("kefu.url");
        if (baseUrl == null || baseUrl.isBlank()) {
            baseUrl = RunningKefu.shared().baseUrl;
        }
    }

    /** The newest demo ticket with a customer, as the API lists it. */
    private static String demoTicketWithCustomer() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String auth = Base64.getEncoder().encodeToString("demo-express/supervisor:demo1234".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/tickets?status=IN_PROGRESS&limit=50"))
                .header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonObject page = Json.createReader(new StringReader(r.body())).readObject();
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.get("customer") instanceof jakarta.json.JsonString)
                .map(t -> t.getString("number")).findFirst().orElseThrow();
    }

    @Test
    void aSupervisorRepliesOnADemoTicket_andTheReplyShowsAsText() throws Exception {
        String number = demoTicketWithCustomer();
        ChromeDriver browser = Chromium.start("en-US");
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
            // The timeline is re-rendered after each post: an element read a moment ago may be gone.
            wait.ignoring(StaleElementReferenceException.class);
            logIn(browser, wait);

            browser.get(baseUrl + "/tickets/" + number);
            WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-title")));
            assertTrue(title.getText().startsWith(number), title.getText());
            assertEquals("In progress", browser.findElement(By.id("ticket-status")).getText());
            String slaState = browser.findElement(By.id("ticket-sla")).getDomAttribute("data-state");
            assertTrue(slaState != null && !slaState.isEmpty(), "the countdown has a state");
            assertTrue(browser.findElement(By.id("customer-name")).getText().length() > 0);
            Chromium.screenshot(browser, "ticket-en-1280.png");
            // Nothing in the view is wider than its column: no sideways scrolling at 1280 px (the contacts
            // button's long label once made the customer panel 20 px wider than the side column).
            assertTrue(browser.findElements(By.id("customer-reveal")).size() == 1, "a supervisor may show the contacts");
            assertEquals(0L, ((Number) browser.executeScript("const v = document.getElementById('ticket-view');"
                    + " return Math.max(0, v.scrollWidth - v.clientWidth);")).longValue(), "the ticket view scrolls sideways");

            // Unique per run: the demo ticket may already carry an earlier run's reply.
            String typed = "<b>Not bold</b> <script>window.kefuHacked=1</script> we are on it " + System.nanoTime();
            WebElement composer = browser.findElement(By.cssSelector("#composer textarea"));
            composer.sendKeys(typed);
            browser.findElement(By.id("send")).click();
            wait.until(d -> d.findElements(By.cssSelector(".kefu-event-body")).stream().anyMatch(e -> e.getText().equals(typed)));
            assertEquals(null, browser.executeScript("return window.kefuHacked"), "markup in a reply never runs");
            wait.until(d -> "".equals(d.findElement(By.cssSelector("#composer textarea")).getDomProperty("value")));

            // n outside an input: the composer switches to an internal note.
            browser.executeScript("document.activeElement.blur()");
            new Actions(browser).sendKeys("n").perform();
            wait.until(d -> "note".equals(d.findElement(By.id("composer")).getDomAttribute("data-mode")));

            browser.manage().window().setSize(new Dimension(800, 1200));
            Thread.sleep(500);
            int mainTop = browser.findElement(By.id("ticket-details")).getRect().getY();
            int sideTop = browser.findElement(By.id("customer-panel")).getRect().getY();
            assertTrue(sideTop > mainTop, "on a tablet the side panels fold under the main column");
            Chromium.screenshot(browser, "ticket-en-tablet.png");
        } finally {
            browser.quit();
        }
    }

    @Test
    void aNewTicketWithoutSubject_showsTheErrorOnTheSubject() throws Exception {
        ChromeDriver browser = Chromium.start("zh-CN");
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
            logIn(browser, wait);
            browser.get(baseUrl + "/tickets/new");
            WebElement create = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("create")));
            assertEquals("创建工单", create.getText().trim());
            create.click();
            wait.until(d -> "true".equals(d.findElement(By.id("new-subject")).getDomProperty("invalid")));
            Chromium.screenshot(browser, "new-ticket-zh.png");
        } finally {
            browser.quit();
        }
    }

    private static void logIn(ChromeDriver browser, WebDriverWait wait) {
        browser.get(baseUrl + "/login");
        WebElement button = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-button")));
        Chromium.type(browser, "tenant", "demo-express");
        Chromium.type(browser, "username", "supervisor");
        Chromium.type(browser, "password", "demo1234");
        button.click();
        // Logged in: the workspace's header shows the user menu.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-menu")));
    }


}
