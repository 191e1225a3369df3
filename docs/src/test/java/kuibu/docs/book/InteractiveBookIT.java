package kuibu.docs.book;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import javax.imageio.ImageIO;
import kuibu.backprop.Output;
import kuibu.mnist.Network;
import kuibu.mnist.data.DigitImages;
import kuibu.mnist.tool.ModelFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Uses the book's interactive parts as a reader would, in headless Chromium with the network off: draws
 * a 7 on chapter 5's pad (with a mouse on a wide window, with a finger on a phone-sized one) and checks
 * that the page read it exactly as the Java code does, preprocessing and network both; moves chapter 1's
 * learning-rate slider and checks the walk it draws.
 *
 * <p>Needs the system's Chromium and its driver, as {@link BookInBrowserIT}; skipped without them.
 */
class InteractiveBookIT {

    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = OfflineChromium.start("the book's interactive parts", 1280, 1000, false);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest(name = "{0} at {1} px with a {2}")
    @CsvSource({"kuibu.book, 1280, MOUSE", "kuibu.book, 390, TOUCH", "kuibu.studentBook, 390, MOUSE"})
    void aDrawnSevenIsReadAsTheJavaCodeReadsIt(String bookProperty, int width, PointerInput.Kind kind) throws IOException {
        JavascriptExecutor js = open(bookProperty, width);
        Object ready = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const until = Date.now() + 30000;
                (function wait() {
                  const pad = document.querySelector('.kuibu-digit-pad');
                  if (pad && pad.kuibu) done('ok');
                  else if (Date.now() > until) done(pad ? 'the pad did not start: ' + pad.textContent : 'no pad in the page');
                  else setTimeout(wait, 100);
                })();
                """);
        assertThat("chapter 5's drawing pad started", ready, is("ok"));
        WebElement canvas = browser.findElement(By.cssSelector(".kuibu-digit-pad .kuibu-pad-canvas"));
        js.executeScript("arguments[0].scrollIntoView({block: 'center'});", canvas);
        @SuppressWarnings("unchecked")
        List<Number> box = (List<Number>) js.executeScript(
                "const r = arguments[0].getBoundingClientRect(); return [r.left, r.top, r.width, r.height];", canvas);
        double left = box.get(0).doubleValue();
        double top = box.get(1).doubleValue();
        double side = box.get(2).doubleValue();
        assertThat("the pad fits the " + width + " px window", left + side, is(org.hamcrest.Matchers.lessThanOrEqualTo((double) width)));

        // a 7: the bar from left to right, then the stroke down to the lower left, in one movement
        double[][] seven = {{0.25, 0.22}, {0.5, 0.22}, {0.75, 0.22}, {0.65, 0.45}, {0.55, 0.65}, {0.45, 0.85}};
        PointerInput pointer = new PointerInput(kind, kind == PointerInput.Kind.TOUCH ? "finger" : "mouse");
        Sequence stroke = new Sequence(pointer, 0);
        stroke.addAction(pointer.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(),
                (int) (left + seven[0][0] * side), (int) (top + seven[0][1] * side)));
        stroke.addAction(pointer.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
        for (int i = 1; i < seven.length; i++) {
            for (int s = 1; s <= 4; s++) {
                double f = s / 4.0;
                double x = seven[i - 1][0] + f * (seven[i][0] - seven[i - 1][0]);
                double y = seven[i - 1][1] + f * (seven[i][1] - seven[i - 1][1]);
                stroke.addAction(pointer.createPointerMove(Duration.ofMillis(15), PointerInput.Origin.viewport(),
                        (int) (left + x * side), (int) (top + y * side)));
            }
        }
        stroke.addAction(pointer.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        browser.perform(List.of(stroke));

        @SuppressWarnings("unchecked")
        Map<String, Object> state = (Map<String, Object>) js.executeScript("""
                const pad = document.querySelector('.kuibu-digit-pad');
                return {inputs: pad.kuibu.inputs, outputs: pad.kuibu.outputs, shares: pad.kuibu.shares,
                        guess: pad.kuibu.guess, bitmap: pad.kuibu.bitmap(), model: JSON.stringify(window.kuibuDigitModel),
                        shown: pad.querySelector('.kuibu-pad-digit').textContent,
                        labels: Array.from(pad.querySelectorAll('.kuibu-pad-label')).map(e => e.textContent).join(''),
                        values: Array.from(pad.querySelectorAll('.kuibu-pad-value')).map(e => e.textContent)};
                """);
        double[] inputs = doubles(state.get("inputs"));
        assertThat("the page's inputs", inputs.length, is(784));
        assertThat("ink in the 28 x 28 inputs", Arrays.stream(inputs).sum(), greaterThan(20.0));
        assertThat("the pad shows ten bars labelled 0 to 9", state.get("labels"), is("0123456789"));

        // the page's preprocessing against DigitImages.toMnist on the very bitmap drawn
        String png = (String) state.get("bitmap");
        BufferedImage drawn = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png.substring(png.indexOf(',') + 1))));
        double[] prepared = DigitImages.toMnist(drawn);
        List<String> differ = new ArrayList<>();
        for (int k = 0; k < 784; k++) {
            if (Math.abs(prepared[k] - inputs[k]) > 1e-12) {
                differ.add("pixel (" + k / 28 + ", " + k % 28 + "): page " + inputs[k] + ", Java " + prepared[k]);
            }
        }
        assertThat("inputs where the page's preprocessing differs from DigitImages.toMnist", differ, is(empty()));

        // the page's network against kuibu.mnist.Network with the same model, on the page's inputs
        Path modelFile = Files.createTempFile("digit-model", ".json");
        try {
            Files.writeString(modelFile, (String) state.get("model"), StandardCharsets.UTF_8);
            Network net = ModelFile.load(modelFile);
            double[] a = net.feedforward(inputs);
            double[] outputs = doubles(state.get("outputs"));
            double[] shares = doubles(state.get("shares"));
            double sum = Arrays.stream(a).sum();
            for (int j = 0; j < 10; j++) {
                assertThat("output " + j, outputs[j], closeTo(a[j], 1e-5 * Math.max(1, Math.abs(a[j]))));
                double share = net.output() == Output.SOFTMAX ? a[j] : a[j] / sum;
                assertThat("share " + j, shares[j], closeTo(share, 1e-5));
                assertThat("bar " + j + "'s number", ((List<?>) state.get("values")).get(j),
                        is(String.format(Locale.ROOT, "%.1f%%", 100 * shares[j])));
            }
            int guess = ((Number) state.get("guess")).intValue();
            assertThat("the page's guess is Network.argmax of the Java outputs", guess, is(Network.argmax(a)));
            assertThat("the guess shown", state.get("shown"), is(String.valueOf(guess)));
            System.out.printf("%s at %d px (%s): drew a 7, the page read %d (%s); outputs agree with Java to %.1e%n",
                    bookProperty, width, kind, guess, String.join(" ", ((List<?>) state.get("values")).stream().map(Object::toString).toList()),
                    maxDifference(outputs, a));
        } finally {
            Files.deleteIfExists(modelFile);
        }
        screenshot("interactive-pad-" + (bookProperty.endsWith("Book") ? "student-" : "") + width + ".png");

        browser.findElement(By.cssSelector(".kuibu-digit-pad .kuibu-pad-clear")).click();
        Object cleared = js.executeScript("""
                const pad = document.querySelector('.kuibu-digit-pad');
                return pad.kuibu.guess === null && pad.kuibu.inputs.every(v => v === 0)
                    && pad.querySelector('.kuibu-pad-digit').textContent === '–';
                """);
        assertThat("Clear empties the pad and the guess", cleared, is(true));
        assertThat("errors in the page's console", consoleErrors(), is(empty()));
    }

    @Test
    void theLearningRateSliderRedrawsTheWalk() throws IOException {
        JavascriptExecutor js = open("kuibu.book", 1280);
        WebElement slider = browser.findElement(By.cssSelector(".kuibu-descent input[type=range]"));
        WebElement descent = browser.findElement(By.cssSelector(".kuibu-descent"));
        js.executeScript("arguments[0].scrollIntoView({block: 'center'});", descent);
        double eta = Double.parseDouble(descent.getAttribute("data-eta"));
        checkWalk(descent, eta);
        String before = browser.findElement(By.cssSelector(".kuibu-descent polyline")).getAttribute("points");

        for (int i = 0; i < 30; i++) {
            slider.sendKeys(Keys.ARROW_RIGHT);
        }
        double moved = Double.parseDouble(descent.getAttribute("data-eta"));
        assertThat("η after 30 steps of the slider to the right", moved, closeTo(eta + 0.30, 1e-9));
        checkWalk(descent, moved);
        String after = browser.findElement(By.cssSelector(".kuibu-descent polyline")).getAttribute("points");
        assertThat("the drawn walk changed", after, is(not(before)));
        screenshot("interactive-descent-1280.png");

        slider.sendKeys(Keys.END);
        double largest = Double.parseDouble(descent.getAttribute("data-eta"));
        assertThat("the slider reaches a diverging η", Math.abs(1 - 2 * largest), greaterThan(1.0));
        checkWalk(descent, largest);
        assertThat("errors in the page's console", consoleErrors(), is(empty()));
    }

    /** The page's x_0 ... x_40 for {@code eta} are x_k = 3 (1 − 2η)^k. */
    private static void checkWalk(WebElement descent, double eta) {
        double[] xs = doubles(new org.openqa.selenium.json.Json().toType(descent.getAttribute("data-xs"), List.class));
        assertThat("points of the walk", xs.length, is(41));
        for (int k = 0; k < xs.length; k++) {
            double expected = 3 * Math.pow(1 - 2 * eta, k);
            assertThat("x_" + k + " for η = " + eta, xs[k], closeTo(expected, 1e-12 + 1e-9 * Math.abs(expected)));
        }
    }

    private static JavascriptExecutor open(String bookProperty, int width) {
        Path page = OfflineChromium.bookPage(bookProperty);
        // a window as narrow as a phone's (a headless window is at least 500 px wide: the width is emulated)
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", width < 600 ? 844 : 1000, "deviceScaleFactor", 1, "mobile", false));
        browser.get(page.toUri().toString());
        return browser;
    }

    private static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path out = Path.of(System.getProperty("kuibu.screenshots", "target")).resolve(name);
        Files.copy(shot.toPath(), out, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("screenshot " + out);
    }

    private static List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    private static double[] doubles(Object list) {
        return ((List<?>) list).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    private static double maxDifference(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }
}
