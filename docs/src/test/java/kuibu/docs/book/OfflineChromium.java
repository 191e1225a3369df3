package kuibu.docs.book;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium as the book's browser tests use it: the network off (no name resolves, every proxied
 * request goes nowhere), the browser's console kept, and a test skipped with a line that says what to install
 * where Chromium or its driver is missing.
 */
final class OfflineChromium {

    private static final Path CHROMIUM = Path.of(System.getProperty("kuibu.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("kuibu.chromedriver", "/usr/bin/chromedriver"));
    private static final Logger CDP_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    private OfflineChromium() {}

    /** A browser of {@code width}×{@code height}; {@code performanceLog} also records every request (to find failed ones). */
    static ChromeDriver start(String what, int width, int height, boolean performanceLog) {
        CDP_LOG.setLevel(Level.SEVERE);
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String skipped = "Skipping the browser test of " + what + ": no " + (Files.isExecutable(CHROMIUM) ? CHROMEDRIVER : CHROMIUM)
                + ". Install Chromium and its driver (Debian/Ubuntu: sudo apt-get install -y chromium chromium-driver),"
                + " or point -Dkuibu.chromium=... -Dkuibu.chromedriver=... at them.";
        if (!installed) {
            System.err.println(skipped); // the build log shows it; the skip reason alone is only in the report
        }
        assumeTrue(installed, skipped);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height, "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>");
        LoggingPreferences logs = new LoggingPreferences();
        if (performanceLog) {
            logs.enable(LogType.PERFORMANCE, Level.ALL);
        }
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60)).pageLoadTimeout(Duration.ofSeconds(60));
        return browser;
    }

    /**
     * The front page of the book the system property {@code bookProperty} names (kuibu.book or kuibu.studentBook,
     * set by the build; target/book or target/student-book otherwise), which must exist.
     */
    static Path bookPage(String bookProperty) {
        Path book = Path.of(System.getProperty(bookProperty, "target/" + (bookProperty.endsWith("Book") ? "student-book" : "book")));
        Path page = book.resolve("index.html").toAbsolutePath().normalize();
        assertThat(page + " exists (the build renders it before this test)", Files.isRegularFile(page), is(true));
        return page;
    }
}
