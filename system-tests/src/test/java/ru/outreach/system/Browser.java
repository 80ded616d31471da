package ru.outreach.system;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (as reporting-service's browser tests drive it), so
 * that Selenium Manager never downloads a browser or a driver; an empty profile of its own, deleted at
 * {@link #close()}. A test asks {@link #available()} first and skips with {@link #MISSING} where it is not installed.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

    static final String MISSING = "no Chromium: install Debian's chromium and chromium-driver (" + CHROMIUM + ", "
            + CHROMEDRIVER + ") to run the browser part of the system tests; ./test.sh does so when run as root";

    /** A phone's screen in CSS pixels (an iPhone 12 to 15): the size of the phone screenshots. */
    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;

    /** Generous: the login page and the reports on two busy cores, beside Keycloak and three services. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Path profile;
    private final ChromeDriverService service;
    final ChromeDriver driver;

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    Browser(int width, int height) throws IOException {
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
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteQuietly(profile);
            throw e;
        }
        driver.manage().window().setSize(new Dimension(width, height));
    }

    WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
        // the page leaves for the identity provider and comes back while a condition is being checked
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** The text of the whole page as the reader sees it. */
    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The whole page as a PNG under target/screenshots: the window made as tall as the page for the shot. */
    Path fullPageScreenshot(String name) throws IOException {
        Dimension size = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(pageHeight() + 140, 8000)));
        try {
            return saved(name);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    /**
     * The whole page as a phone shows it ({@link #PHONE_WIDTH} CSS pixels wide, a touch screen that applies the page's
     * viewport meta), as a PNG under target/screenshots: the emulated screen made as tall as the page for the shot.
     */
    Path phoneScreenshot(String name) throws IOException {
        emulatePhone(PHONE_HEIGHT);
        try {
            emulatePhone((int) Math.max(PHONE_HEIGHT, Math.min(pageHeight(), 8000)));
            return saved(name);
        } finally {
            stopEmulating();
        }
    }

    /** Runs {@code check} on the page laid out as on a phone ({@link #PHONE_WIDTH}×{@link #PHONE_HEIGHT}). */
    void asPhone(Runnable check) {
        emulatePhone(PHONE_HEIGHT);
        try {
            check.run();
        } finally {
            stopEmulating();
        }
    }

    private void emulatePhone(int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE_WIDTH,
                "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    private void stopEmulating() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private long pageHeight() {
        return (Long) driver.executeScript("return Math.ceil(document.documentElement.scrollHeight)");
    }

    private Path saved(String name) throws IOException {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target.toAbsolutePath();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile);
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
