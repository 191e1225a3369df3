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
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import kuibu.mnist.Main;
import kuibu.mnist.SyntheticDigits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chapter 5's figures in the book: {@code measure} (on generated digits, without peers) writes the
 * reports, and the book's attributes and speed table come from them — or, for reports missing or
 * older than the jar, every figure says it was not measured.
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
        Path jar = Files.writeString(target.resolve("kuibu-mnist.jar"), "stands for the jar that measured");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
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
        assertThat(table.get(2), containsString("numpy, 2 threads"));
        assertThat(table.get(3), matchesPattern("\\| Nielsen's: 784-30-10 \\(sigmoid\\), .* \\| [\\d,]+ \\| [\\d,]+ \\| not run \\| not run"));
        assertThat(table.get(4), containsString("| modern: 784-100-10 (relu), softmax output, cross-entropy cost, batch 32"));
    }

    @Test
    void reportsOlderThanTheJarAreNotUsed() throws IOException {
        Path stale = dir.resolve("stale");
        Path target = Files.createDirectories(stale.resolve("chapter05-mnist/target"));
        Files.createDirectories(target.resolve("measurements"));
        for (String name : MnistMeasurements.FILES) {
            Files.copy(reports.resolve(name), target.resolve("measurements").resolve(name));
            Files.setLastModifiedTime(target.resolve("measurements").resolve(name), FileTime.from(Instant.now().minusSeconds(120)));
        }
        Files.writeString(target.resolve("kuibu-mnist.jar"), "rebuilt after the measurements");
        Path work = Files.createDirectories(dir.resolve("work-stale"));
        assertFalse(MnistMeasurements.write(stale, work));
        String attributes = Files.readString(work.resolve("mnist-measurements.adoc"));
        assertThat(attributes, containsString(":mnist-unmeasured: \n"));
        assertThat(attributes, containsString(":mnist-best-test: " + MnistMeasurements.NOT_MEASURED));
        assertEquals("", Files.readString(work.resolve("mnist-speed-table.adoc")));
    }

    @Test
    void aReportMissingAFigureIsAClearError() throws IOException {
        Path broken = dir.resolve("broken");
        Path target = Files.createDirectories(broken.resolve("chapter05-mnist/target/measurements"));
        Files.writeString(broken.resolve("chapter05-mnist/target/kuibu-mnist.jar"), "jar");
        Files.setLastModifiedTime(broken.resolve("chapter05-mnist/target/kuibu-mnist.jar"), FileTime.from(Instant.now().minusSeconds(60)));
        for (String name : MnistMeasurements.FILES) {
            Files.copy(reports.resolve(name), target.resolve(name));
        }
        Files.writeString(target.resolve("best.json"), Files.readString(target.resolve("best.json"))
                .replace("\"test_accuracy\"", "\"renamed\""));
        IOException e = assertThrows(IOException.class,
                () -> MnistMeasurements.write(broken, Files.createDirectories(dir.resolve("work-broken"))));
        assertThat(e.getMessage(), containsString("measurements"));
        assertThat(e.getMessage(), containsString("test_accuracy"));
    }
}
