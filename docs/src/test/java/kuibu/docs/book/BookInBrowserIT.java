package kuibu.docs.book;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Reads the rendered books as a reader would: in headless Chromium with the network switched off.
 * Every formula must be typeset by the book's own MathJax, every image must load, nothing may be
 * requested that fails or leaves the book's folder, and every written chapter must be there.
 *
 * <p>Uses the system's Chromium and its driver (Debian: {@code apt-get install chromium
 * chromium-driver}); never downloads a browser. Without them the test is skipped with that advice.
 */
class BookInBrowserIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("kuibu.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("kuibu.chromedriver", "/usr/bin/chromedriver"));
    private static final Path ROOT = Path.of(System.getProperty("kuibu.root", ".."));
    private static final Pattern REQUEST_URL = Pattern.compile("\"request\":\\{.*?\"url\":\"([^\"]+)\"");

    /** Selenium warns that it has no CDP classes for this Chromium; the test does not use them. */
    private static final java.util.logging.Logger CDP_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        CDP_LOG.setLevel(Level.SEVERE);
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String skipped = "Skipping the browser test of the book: no " + (Files.isExecutable(CHROMIUM) ? CHROMEDRIVER : CHROMIUM)
                + ". Install Chromium and its driver (Debian/Ubuntu: sudo apt-get install -y chromium chromium-driver),"
                + " or point -Dkuibu.chromium=... -Dkuibu.chromedriver=... at them.";
        if (!installed) {
            System.err.println(skipped); // the build log shows it; the skip reason alone is only in the report
        }
        assumeTrue(installed, skipped);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1600", "--no-first-run", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-default-apps",
                // network off: no name resolves and every proxied request goes nowhere
                "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60)).pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kuibu.book", "kuibu.studentBook"})
    void everyFormulaImageAndChapterIsThereWithTheNetworkOff(String bookProperty) throws IOException {
        Path book = Path.of(System.getProperty(bookProperty, "target/" + (bookProperty.endsWith("Book") ? "student-book" : "book")));
        Path page = book.resolve("index.html").toAbsolutePath().normalize();
        assertThat(page + " exists (the build renders it before this test)", Files.isRegularFile(page), is(true));
        browser.get(page.toUri().toString());
        JavascriptExecutor js = browser;

        // wait for MathJax's start-up to exist rather than assume it does when get() returns: once in a
        // while (a loaded CI machine) it did not yet, and the test failed on a page that was fine
        Object mathjax = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const until = Date.now() + 30000;
                (function wait() {
                  if (window.MathJax && MathJax.startup && MathJax.startup.promise) {
                    MathJax.startup.promise.then(() => done('ok'), e => done('MathJax failed: ' + e));
                  } else if (Date.now() > until) {
                    done('MathJax did not load');
                  } else {
                    setTimeout(wait, 100);
                  }
                })();
                """);
        assertThat("MathJax typeset the page", mathjax, is("ok"));

        String text = (String) js.executeScript("""
                const c = document.body.cloneNode(true);
                c.querySelectorAll('pre, code, script, style, mjx-container').forEach(e => e.remove());
                return c.textContent;
                """);
        List<String> raw = new ArrayList<>();
        for (String marker : List.of("\\(", "\\[", "latexmath:[", "stem:[")) {
            int at = text.indexOf(marker);
            if (at >= 0) {
                raw.add("'" + marker + "' in: " + text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 60)).replaceAll("\\s+", " "));
            }
        }
        assertThat("math left untypeset", raw, is(empty()));
        long typeset = (Long) js.executeScript("return document.querySelectorAll('mjx-container').length;");
        assertThat("typeset formulas", typeset, greaterThan(0L));
        @SuppressWarnings("unchecked")
        List<String> errors = (List<String>) js.executeScript("""
                return Array.from(document.querySelectorAll('mjx-merror')).map(e => {
                  const math = e.closest('mjx-container');
                  const item = math && MathJax.startup.document.getMathItemsWithin(math)[0];
                  return (e.getAttribute('data-mjx-error') || e.textContent) + (item ? ' in: ' + item.math : '');
                });
                """);
        assertThat("formulas MathJax could not typeset", errors, is(empty()));

        @SuppressWarnings("unchecked")
        List<String> broken = (List<String>) js.executeScript(
                "return Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src);");
        assertThat("images that did not load", broken, is(empty()));

        assertThat("requests that failed or left the book's folder", failedRequests(js), is(empty()));

        Chapters chapters = Chapters.in(ROOT);
        List<String> missing = new ArrayList<>();
        for (Chapters.Chapter chapter : chapters.written()) {
            String heading = (String) js.executeScript(
                    "const h = document.getElementById(arguments[0]); return h && h.tagName === 'H2' ? h.textContent : null;",
                    chapter.anchor());
            if (heading == null || !letters(heading).endsWith(letters(chapter.title()))) {
                missing.add(chapter.anchor() + " '" + chapter.title() + "' (found: " + heading + ")");
            }
        }
        assertThat("chapter headings missing from " + page, missing, is(empty()));

        if (!chapters.written().isEmpty()) {
            js.executeScript("document.getElementById(arguments[0]).scrollIntoView();", chapters.written().get(0).anchor());
        }
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path out = Path.of(System.getProperty("kuibu.screenshots", "target"))
                .resolve(bookProperty.endsWith("Book") ? "student-book-chapter.png" : "book-chapter.png");
        Files.copy(shot.toPath(), out, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("%s: %d formulas typeset, %d images, %d chapters; screenshot %s%n", page, typeset,
                (Long) js.executeScript("return document.images.length;"), chapters.written().size(), out);
    }

    /** Requests the page made that failed, or that went anywhere but the book's own files. */
    private static List<String> failedRequests(JavascriptExecutor js) {
        List<String> failed = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            String message = entry.getMessage();
            if (message.contains("\"Network.loadingFailed\"")) {
                failed.add(message.length() > 300 ? message.substring(0, 300) + "..." : message);
            } else if (message.contains("\"Network.requestWillBeSent\"")) {
                Matcher url = REQUEST_URL.matcher(message);
                if (url.find() && !url.group(1).startsWith("file:") && !url.group(1).startsWith("data:")) {
                    failed.add("request to " + url.group(1));
                }
            }
        }
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                failed.add("console: " + entry.getMessage());
            }
        }
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) js.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name);");
        resources.stream().filter(r -> !r.startsWith("file:") && !r.startsWith("data:")).forEach(r -> failed.add("resource " + r));
        return failed;
    }

    private static String letters(String s) {
        return s.replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(java.util.Locale.ROOT);
    }
}
