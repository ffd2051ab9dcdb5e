package io.kefu.ui.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium driven by Selenium, with no driver download. */
final class Chromium {

    static final File BINARY = new File("/usr/bin/chromium");
    static final File DRIVER = new File("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** Skips the calling test, loudly, when Chromium is not installed. */
    static void assumeInstalled() {
        boolean present = BINARY.canExecute() && DRIVER.canExecute();
        if (!present) {
            String why = "BROWSER TESTS SKIPPED: " + BINARY + " or " + DRIVER + " is missing. "
                    + "Install Debian's chromium, chromium-driver and fonts-noto-cjk (.ci/run does).";
            System.err.println("\n*** " + why + " ***\n");
            Assumptions.abort(why);
        }
    }

    static ChromeDriver start(String language) throws Exception {
        Path profile = Files.createTempDirectory(Path.of("target"), "chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,800", "--lang=" + language,
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Types into the input of the Vaadin field with this id, replacing what it held. */
    static void type(WebDriver browser, String id, String text) {
        WebElement input = browser.findElement(By.cssSelector("#" + id + " input"));
        input.clear();
        input.sendKeys(text);
    }

    /**
     * Saves what the browser shows to {@code <name>} in {@code kefu.screenshots.dir}, by default
     * {@code target/screenshots} ({@code docs/screenshots/regenerate.sh} points it at the docs).
     */
    static void screenshot(ChromeDriver browser, String name) throws Exception {
        Path dir = Path.of(System.getProperty("kefu.screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }
}
