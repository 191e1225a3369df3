package kuibu.docs.book;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Reads the rendered books as a reader would: in headless Chromium with the network switched off.
 * Every formula must be typeset by the book's own MathJax, every image must load, nothing may be
 * requested that fails or leaves the book's folder, and every written chapter must be there.
 *
 * <p>Uses the system's Chromium and its driver (Debian: {@code apt-get install chromium
 * chromium-driver}); never downloads a browser. Without them the test is skipped with that advice.
 */
class BookInBrowserIT {

    private static final Path ROOT = Path.of(System.getProperty("kuibu.root", ".."));
    private static final Pattern REQUEST_URL = Pattern.compile("\"request\":\\{.*?\"url\":\"([^\"]+)\"");

    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = OfflineChromium.start("the book", 1280, 1600, true);
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
        Path page = OfflineChromium.bookPage(bookProperty);
        browser.get(page.toUri().toString());
        JavascriptExecutor js = browser;
        assertThat("MathJax typeset the page", typeset(js), is("ok"));


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

    /**
     * The book as its readers see it, on a desktop (1280 px) and on a phone (390 px): no listing line wraps
     * (a long line scrolls in its box; a wrapped line would start again at column 0 and split a token), the
     * page never scrolls sideways on a phone (a wide formula, listing or table scrolls in its own box), and
     * every figure has a numbered caption and the whole alt text its {@code image::} line gives (AsciiDoc
     * cuts an unquoted alt text at its first comma).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kuibu.book", "kuibu.studentBook"})
    void listingsFiguresAndPageFitDesktopAndPhone(String bookProperty) throws IOException {
        Path page = OfflineChromium.bookPage(bookProperty);
        JavascriptExecutor js = browser;
        try {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));
            browser.get(page.toUri().toString());
            assertThat("MathJax typeset the page", typeset(js), is("ok"));
            @SuppressWarnings("unchecked")
            List<String> wrapped = (List<String>) js.executeScript("""
                    return Array.from(document.querySelectorAll('.listingblock pre, .literalblock pre')).flatMap(p => {
                      const style = getComputedStyle(p);
                      const lines = p.textContent.replace(/\\n$/, '').split('\\n');
                      const height = p.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
                      const shown = Math.round(height / parseFloat(style.lineHeight));
                      const where = (p.closest('[id]') || {id: '?'}).id + ': ' + lines[0].trim().slice(0, 60);
                      if (style.whiteSpace !== 'pre') return [where + ' (white-space: ' + style.whiteSpace + ')'];
                      if (shown > lines.length) return [where + ' (' + lines.length + ' lines shown on ' + shown + ')'];
                      return [];
                    });
                    """);
            assertThat("listings whose lines wrap at 1280 px", wrapped, is(empty()));

            Map<String, String> altTexts = altTextsInTheChapters();
            @SuppressWarnings("unchecked")
            List<List<String>> figures = (List<List<String>>) js.executeScript("""
                    return Array.from(document.querySelectorAll('.imageblock')).map(b => {
                      const img = b.querySelector('img');
                      const title = b.querySelector('.title');
                      return [img.getAttribute('src').replace(/^.*\\//, ''), img.getAttribute('alt') || '',
                              title ? title.textContent : ''];
                    });
                    """);
            List<String> badFigures = new ArrayList<>();
            for (List<String> figure : figures) {
                String name = figure.get(0);
                if (!figure.get(2).matches("Figure \\d+\\. .{10,}")) {
                    badFigures.add(name + ": no numbered caption (found '" + figure.get(2) + "')");
                }
                // Asciidoctor sets apostrophes and quotes typographically, in alt texts too
                String expected = altTexts.get(name) == null ? null
                        : altTexts.get(name).replace('\'', '\u2019');
                if (figure.get(1).length() < 20) {
                    badFigures.add(name + ": alt text too short to describe it: '" + figure.get(1) + "'");
                } else if (expected != null && !expected.equals(figure.get(1))) {
                    badFigures.add(name + ": alt text '" + figure.get(1) + "' is not the whole of '" + expected
                            + "' (quote an alt text with commas: image::x.png[\"...\"])");
                }
            }
            assertThat("figures", figures.size(), is(altTexts.size()));
            assertThat("figures without a numbered caption or a complete alt text", badFigures, is(empty()));

            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
            browser.get(page.toUri().toString());
            assertThat("MathJax typeset the page", typeset(js), is("ok"));
            @SuppressWarnings("unchecked")
            List<String> wide = (List<String>) js.executeScript("""
                    const width = document.documentElement.clientWidth;
                    // elements reaching past the screen's right edge that no box of their own scrolls or clips
                    const wide = Array.from(document.querySelectorAll('body *')).filter(e => {
                      if (e.getBoundingClientRect().right <= width + 1) return false;
                      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                        if (getComputedStyle(a).overflowX !== 'visible' || a.getBoundingClientRect().right > width + 1) return false;
                      }
                      return true;
                    }).slice(0, 10).map(e => e.tagName.toLowerCase() + ' in #' + (e.closest('[id]') || {id: '?'}).id
                        + ': ' + e.textContent.trim().slice(0, 60));
                    return [String(document.documentElement.scrollWidth), String(width)].concat(wide);
                    """);
            assertThat("the page scrolls sideways at 390 px (page width " + wide.get(0) + " px, screen " + wide.get(1)
                    + " px); too wide: " + wide.subList(2, wide.size()),
                    Integer.parseInt(wide.get(0)) <= Integer.parseInt(wide.get(1)), is(true));
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), Path.of(System.getProperty("kuibu.screenshots", "target"))
                    .resolve(bookProperty.endsWith("Book") ? "student-book-phone.png" : "book-phone.png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** Each {@code image::} of the written chapters: its file name and its alt text as written (quotes removed). */
    private static Map<String, String> altTextsInTheChapters() throws IOException {
        Map<String, String> alt = new LinkedHashMap<>();
        Pattern image = Pattern.compile("^image::([^\\[]+)\\[(.*)\\]$");
        for (Chapters.Chapter chapter : Chapters.in(ROOT).written()) {
            for (String line : Files.readAllLines(chapter.dir().resolve("chapter.adoc"))) {
                Matcher m = image.matcher(line.strip());
                if (m.matches()) {
                    String text = m.group(2);
                    if (text.startsWith("\"")) {
                        text = text.substring(1, text.indexOf('"', 1));
                    }
                    alt.put(m.group(1), text);
                }
            }
        }
        return alt;
    }

    /**
     * Waits for MathJax to finish typesetting the page; "ok" or what went wrong. Waits for MathJax's start-up
     * to exist rather than assume it does when get() returns: once in a while (a loaded CI machine) it did
     * not yet, and the test failed on a page that was fine.
     */
    private static Object typeset(JavascriptExecutor js) {
        return js.executeAsyncScript("""
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
