package io.kefu.ui.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.kefu.ui.cluster.TwoNodes;
import io.kefu.ui.it.Api;
import io.kefu.ui.it.Api.Credentials;
import io.kefu.ui.it.Api.Reply;
import io.kefu.ui.it.TestTenants;

/**
 * Live across the cluster: two nodes of the bundle on one PostgreSQL database; an agent's page
 * open on node B hears a change made over REST on node A, once, without a reload (the ticket
 * feed's topic on Payara's data grid, ADR 0016). One test: two nodes and a browser are expensive;
 * the nodes are the cluster the cluster tests share ({@link TwoNodes#shared()}).
 */
class LiveClusterBrowserIT {

    static final String OPERATOR_PASSWORD = TwoNodes.SHARED_OPERATOR_PASSWORD;

    @Test
    void aChangeOnNodeA_reachesAPageOpenOnNodeB() throws Exception {
        Chromium.assumeInstalled();
        TwoNodes nodes = TwoNodes.shared();
        ChromeDriver browser = null;
        try {
            Api a = nodes.a().api();
            String tenant = TestTenants.uniqueCode("livec");
            Reply provisioned = a.post("/api/v1/tenants", new Credentials("operator", OPERATOR_PASSWORD),
                    TestTenants.body(tenant, "Live " + tenant, "general", "admin", "pw-" + tenant + "-9", "admin@" + tenant + ".example.com"));
            assertEquals(201, provisioned.status(), provisioned::toString);
            Credentials admin = Credentials.tenantUser(tenant, "admin", "pw-" + tenant + "-9");
            Reply ann = a.post("/api/v1/users", admin, "{\"username\":\"ann\",\"password\":\"pw-ann-2026\",\"role\":\"AGENT\","
                    + "\"displayName\":\"Ann\",\"email\":\"ann@" + tenant + ".example.com\"}");
            assertEquals(201, ann.status(), ann::toString);
            String number = a.post("/api/v1/tickets", admin, "{\"kind\":\"INQUIRY\",\"priority\":\"LOW\",\"subject\":\"Across nodes\"}")
                    .string("number");
            assertEquals(200, a.post("/api/v1/tickets/" + number + "/transitions", admin, "{\"to\":\"ASSIGNED\",\"assignee\":\"ann\"}").status());

            browser = Chromium.start("en-US");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            String b = nodes.b().baseUrl();
            browser.get(b + "/login");
            WebElement button = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-button")));
            for (String[] f : new String[][] {{"tenant", tenant}, {"username", "ann"}, {"password", "pw-ann-2026"}}) {
                browser.findElement(By.cssSelector("#" + f[0] + " input")).sendKeys(f[1]);
            }
            button.click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-menu")));
            JavascriptExecutor js = browser;
            js.executeScript("window.__samePage = 'yes'");

            Reply patched = a.send("PATCH", "/api/v1/tickets/" + number, admin, "{\"subject\":\"Across nodes, edited\",\"version\":"
                    + a.get("/api/v1/tickets/" + number, admin).json().getJsonNumber("version").longValue() + "}");
            assertEquals(200, patched.status(), patched::toString);

            wait.until(d -> String.valueOf(js.executeScript(
                    "return [...document.querySelectorAll('vaadin-notification-card')].map(c => c.innerText).join(' | ')"))
                    .contains(number + ": edited by admin"));
            Thread.sleep(1_500);
            Object notices = js.executeScript("return document.querySelectorAll('vaadin-notification-card').length");
            assertEquals(1L, ((Number) notices).longValue(), "heard once");
            assertEquals("yes", js.executeScript("return window.__samePage"), "no reload");
            assertTrue(nodes.b().logText().contains("data grid's topic"), "node B relays over the data grid");
        } finally {
            if (browser != null) {
                browser.quit();
            }
        }
    }
}
