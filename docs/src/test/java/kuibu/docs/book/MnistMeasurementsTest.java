package kuibu.docs.book;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kuibu.mnist.data.SyntheticDigits;
import kuibu.mnist.tool.Main;
import kuibu.mnist.tool.Reports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chapter 5's figures in the book: {@code measure} (on generated digits, without peers) writes the
 * reports, and the book's attributes and speed table come from them — or, for reports missing or
 * measured by other code than the jar's, every figure says it was not measured.
 */
class MnistMeasurementsTest {

    @TempDir
    static Path dir;

    static Path root;

    static Path reports;

    @BeforeAll
    static void measureOnGeneratedDigits() throws IOException {
        Path data = SyntheticDigits.writeFolder(dir.resolve("digits"), 2_000, 500, 5);
        root = dir.resolve("project");
        Path target = Files.createDirectories(root.resolve("chapter05-mnist/target"));
        jarOfTheRunningCode(target.resolve("kuibu-mnist.jar"), false);
        reports = target.resolve("measurements");
        assertEquals(0, Main.run("measure", "--data", data.toString(), "--out", reports.toString(),
                "--peers", dir.resolve("no-peers-here").toString()));
    }

    @Test
    void measuredReportsBecomeTheChaptersFigures() throws IOException {
        Path work = Files.createDirectories(dir.resolve("work-measured"));
        assertTrue(MnistMeasurements.write(root, work));
        String attributes = Files.readString(work.resolve("mnist-measurements.adoc"));
        assertThat(attributes, containsString(":mnist-measured: \n"));
        assertThat(attributes, not(containsString("mnist-unmeasured")));
        assertThat(attributes, not(containsString(":mnist-peers:")));   // no numpy peer was run
        for (String line : attributes.split("\n")) {
            if (line.startsWith(":mnist-nielsen-seed") || line.startsWith(":mnist-best-test")) {
                assertThat(line, matchesPattern(":mnist-[a-z0-9-]+: \\d{1,3}\\.\\d\\d%"));
            }
        }
        List<String> table = Files.readAllLines(work.resolve("mnist-speed-table.adoc"));
        assertThat(table.get(2), containsString("| recipe | lesson's engine | fast engine, 1 thread | fast engine, 2 threads"));
        assertThat(table.get(3), matchesPattern("\\| Nielsen's: 784-30-10 sigmoid/sigmoid/quadratic, .* images \\| [\\d,]+ \\| [\\d,]+ \\| [\\d,]+"
                + " \\| not run \\| not run"));
        assertThat(table.get(4), containsString("| modern: 784-100-10 relu/softmax/cross-entropy, init lecun, batch 32"));
    }

    @Test
    void reportsOfOtherCodeAreNotUsed() throws IOException {
        Path other = dir.resolve("other");
        Path target = Files.createDirectories(other.resolve("chapter05-mnist/target"));
        Files.createDirectories(target.resolve("measurements"));
        for (String name : MnistMeasurements.FILES) {
            Files.copy(reports.resolve(name), target.resolve("measurements").resolve(name));
        }
        jarOfTheRunningCode(target.resolve("kuibu-mnist.jar"), true);   // the code changed after the measurements
        Path work = Files.createDirectories(dir.resolve("work-other"));
        assertFalse(MnistMeasurements.write(other, work));
        String attributes = Files.readString(work.resolve("mnist-measurements.adoc"));
        assertThat(attributes, containsString(":mnist-unmeasured: \n"));
        assertThat(attributes, containsString(":mnist-best-test: " + MnistMeasurements.NOT_MEASURED));
        assertEquals("", Files.readString(work.resolve("mnist-speed-table.adoc")));
    }

    @Test
    void theSameCodeRebuiltLaterKeepsItsMeasurements() throws IOException {
        Path later = dir.resolve("later");
        Path target = Files.createDirectories(later.resolve("chapter05-mnist/target"));
        Files.createDirectories(target.resolve("measurements"));
        for (String name : MnistMeasurements.FILES) {
            Files.copy(reports.resolve(name), target.resolve("measurements").resolve(name));
        }
        jarOfTheRunningCode(target.resolve("kuibu-mnist.jar"), false);   // a fresh jar, newer than every report
        assertTrue(MnistMeasurements.write(later, Files.createDirectories(dir.resolve("work-later"))));
    }

    @Test
    void aReportMissingAFigureIsAClearError() throws IOException {
        Path broken = dir.resolve("broken");
        Path target = Files.createDirectories(broken.resolve("chapter05-mnist/target/measurements"));
        jarOfTheRunningCode(broken.resolve("chapter05-mnist/target/kuibu-mnist.jar"), false);
        for (String name : MnistMeasurements.FILES) {
            Files.copy(reports.resolve(name), target.resolve(name));
        }
        Files.writeString(target.resolve("best.json"), Files.readString(target.resolve("best.json"))
                .replace("\"test_accuracy\"", "\"renamed\""));
        IOException e = assertThrows(IOException.class,
                () -> MnistMeasurements.write(broken, Files.createDirectories(dir.resolve("work-broken"))));
        assertThat(e.getMessage(), containsString("best.json"));
        assertThat(e.getMessage(), containsString("test_accuracy"));
    }

    /**
     * A jar of the chapter's classes as they run in this test (from a jar or a folder of classes), as the build
     * makes kuibu-mnist.jar; with {@code changed}, one class more, as if the code had changed since.
     */
    private static void jarOfTheRunningCode(Path jar, boolean changed) throws IOException {
        Path code;
        try {
            code = Path.of(Reports.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            if (Files.isDirectory(code)) {
                try (var files = Files.walk(code)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        out.putNextEntry(new java.util.jar.JarEntry(code.relativize(f).toString().replace('\\', '/')));
                        out.write(Files.readAllBytes(f));
                        out.closeEntry();
                    }
                }
            } else {
                try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(code.toFile())) {
                    for (var entry : java.util.Collections.list(in.entries())) {
                        out.putNextEntry(new java.util.jar.JarEntry(entry.getName()));
                        out.write(in.getInputStream(entry).readAllBytes());
                        out.closeEntry();
                    }
                }
            }
            if (changed) {
                out.putNextEntry(new java.util.jar.JarEntry("kuibu/mnist/Changed.class"));
                out.write(new byte[] {1, 2, 3});
                out.closeEntry();
            }
        }
    }
}
