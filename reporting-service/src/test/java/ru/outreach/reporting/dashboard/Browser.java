package ru.outreach.reporting.dashboard;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, so that Selenium Manager never downloads a browser
 * or a driver. A JUnit extension: register it as a static field; it starts the browser before the class's tests,
 * skips each test with the reason where Chromium is not installed, and closes the browser after them.
 */
final class Browser implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

    static final String MISSING = "no Chromium: install Debian's chromium and chromium-driver (" + CHROMIUM + ", "
            + CHROMEDRIVER + ") to run the browser test; ./test.sh does so when run as root";

    private final int width;
    private final int height;
    private Path profile;
    private ChromeDriverService service;
    ChromeDriver driver;

    Browser(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (!available()) {
            return;
        }
        profile = Files.createTempDirectory("chromium-profile-");
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--lang=ru-RU", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile.toAbsolutePath());
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        assumeTrue(driver != null, MISSING);
    }

    private static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // the page may leave for the identity provider and come back while a condition is being checked
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /**
     * Opens the page and waits until it has loaded its reports (or stopped: signed out, refused), signing in first
     * where sign-in is on: the page leaves for the provider and comes back with the address it was opened with.
     */
    void open(String url) {
        driver.get(url);
        waitUntilLoaded();
    }

    /** Until the page, back on its own address (no {@code code} of a sign-in in it), has loaded or stopped. */
    void waitUntilLoaded() {
        waiting().until(d -> !d.getCurrentUrl().contains("code=")
                && d.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null);
    }

    /** A value the page keeps in sessionStorage, as JSON text; null when absent. */
    String session(String key) {
        return (String) driver.executeScript("return sessionStorage.getItem(arguments[0])", key);
    }

    /** The visible window as a PNG under target/. */
    Path screenshot(String name) throws IOException {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** The whole page: the window is made as tall as the page for the shot, then set back. */
    Path fullPageScreenshot(String name) throws IOException {
        Dimension size = driver.manage().window().getSize();
        long height = (Long) driver.executeScript("return Math.ceil(document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(height + 140, 8000)));
        try {
            return screenshot(name);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver == null) {
            return;
        }
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile);
            driver = null;
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
