package kuibu.docs.book;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kuibu.grading.SolutionMarkers;

/**
 * A copy of the chapters as the student edition has them: every solution region of the main code
 * replaced by the stub {@code throw} ({@link SolutionMarkers}). The student's book is rendered from
 * this copy, so each listing it includes shows exactly the code a student gets.
 */
final class StudentSources {

    private StudentSources() {}

    /** Copies each chapter folder (without {@code target/}) into {@code into}, stubbing {@code src/main/java}. */
    static void write(Chapters chapters, Path into) throws IOException, SolutionMarkers.MarkerException {
        for (Chapters.Chapter chapter : chapters.all()) {
            Path from = chapter.dir();
            Path to = into.resolve(from.getFileName());
            List<Path> files;
            try (Stream<Path> walk = Files.walk(from)) {
                files = walk.filter(Files::isRegularFile)
                        .filter(p -> !from.relativize(p).startsWith("target"))
                        .filter(p -> !from.relativize(p).toString().startsWith("."))
                        .toList();
            }
            for (Path file : files) {
                Path rel = from.relativize(file);
                Path target = to.resolve(rel.toString());
                Files.createDirectories(target.getParent());
                if (rel.startsWith(Path.of("src", "main", "java")) && file.toString().endsWith(".java")) {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    List<String> stubbed = SolutionMarkers.replaceRegions(file.toString(), lines,
                            region -> SolutionMarkers.throwStatement(region.id(), "Exercise " + region.id() + " in the book"));
                    Files.write(target, stubbed, StandardCharsets.UTF_8);
                } else {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
