package dev.slant.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, both at fixed paths ({@code /usr/bin/chromium}
 * and {@code /usr/bin/chromedriver}, or SLANT_CHROMIUM and SLANT_CHROMEDRIVER), so that Selenium Manager never
 * looks for, or downloads, a browser or a driver. Each browser has a throw-away profile, deleted on close.
 * {@link RequiresBrowser} skips (or, under CI=true, fails) a test class when either is missing.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(env("SLANT_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(env("SLANT_CHROMEDRIVER", "/usr/bin/chromedriver"));
    /** The longest a test waits for the page to show something. */
    static final Duration WAIT = Duration.ofSeconds(20);
    /** Selenium warns at each start that it has no DevTools for this Chromium; the tests use none. */
    private static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** @return why the browser cannot run here, or null if it can */
    static String missing() {
        List<String> absent = new ArrayList<>();
        for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(p)) {
                absent.add(p.toString());
            }
        }
        return absent.isEmpty() ? null : "headless browser tests need " + String.join(" and ", absent)
                + " (Debian: apt-get install chromium chromium-driver; or set SLANT_CHROMIUM and SLANT_CHROMEDRIVER)";
    }

    /**
     * Starts a fresh headless Chromium.
     *
     * @return the browser; close it to end both processes and delete the profile
     * @throws IOException if the profile folder cannot be made
     */
    static Browser start() throws IOException {
        SELENIUM.setLevel(Level.SEVERE);
        Path profile = Files.createTempDirectory("slant-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",                     // root in a container: the sandbox cannot start
                "--disable-gpu",
                "--disable-dev-shm-usage",          // /dev/shm may be small in containers
                "--disable-background-networking",  // no update, safe-browsing or variations fetches
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--no-default-browser-check",
                "--user-data-dir=" + profile,
                "--window-size=1280,900",
                "--force-device-scale-factor=1",
                "--hide-scrollbars",
                "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile);
        } catch (RuntimeException e) {
            delete(profile);
            throw e;
        }
    }

    /** @return a wait of {@link #WAIT} on this browser, which reads again what the page redrew meanwhile */
    WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /**
     * @param script JavaScript returning a value
     * @param args   its arguments
     * @return its value
     */
    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Sets the window (in headless mode, the viewport) to a size.
     *
     * @return the viewport's width as the page sees it
     */
    long resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return ((Number) js("return window.innerWidth")).longValue();
    }

    /**
     * A screenshot of the whole page at a width: the window is made as tall as the page (at most 6000 px) for one
     * capture, then set back.
     *
     * @param width the viewport's width
     * @param file  the PNG to write
     */
    void screenshot(int width, Path file) throws IOException {
        resize(width, 900);
        long height = ((Number) js("return Math.ceil(document.documentElement.getBoundingClientRect().height)")).longValue();
        resize(width, (int) Math.max(400, Math.min(6000, height + 16)));
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        resize(width, 900);
    }

    /** @return the console's errors since the last call (uncaught exceptions, policy refusals, failed loads) */
    List<String> consoleErrors() {
        List<String> out = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                out.add(e.getMessage());
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
