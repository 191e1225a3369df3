package kuibu.grading.grader;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import kuibu.tools.AtomicFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gradebooks and feedback are written whole, and readable like any other file in their folder. */
class ReportsTest {

    @TempDir
    Path dir;

    @Test
    void writesTheWholeTextAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("gradebook.csv");
        Reports.writeAtomically(file, "old\n");
        Reports.writeAtomically(file, "student,points\nada,40\n");
        assertThat(Files.readString(file), equalTo("student,points\nada,40\n"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList(), contains("gradebook.csv"));
        }
    }

    @Test
    void theFileHasTheUsualPermissionsNotATemporaryFilesPrivateOnes() throws Exception {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("gradebook.csv");
        Reports.writeAtomically(file, "student,points\n");
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        assertThat(Files.getPosixFilePermissions(file), equalTo(Files.getPosixFilePermissions(plain)));
    }

    @Test
    void aFileThatCannotBeWrittenIsNamedAsGivenNeverItsTemporaryFile() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder").resolve("gradebook.csv");
        java.nio.file.FileSystemException check = org.junit.jupiter.api.Assertions.assertThrows(
                java.nio.file.FileSystemException.class, () -> AtomicFiles.checkWritable(file));
        assertThat(check.getFile(), equalTo(file.toString()));
        java.nio.file.FileSystemException write = org.junit.jupiter.api.Assertions.assertThrows(
                java.nio.file.FileSystemException.class, () -> Reports.writeAtomically(file, "student,points\n"));
        assertThat(write.getFile(), equalTo(file.toString()));
        assertThat(write.getMessage(), org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(".tmp")));
    }
}
