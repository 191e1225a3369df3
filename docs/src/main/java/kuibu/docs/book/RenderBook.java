package kuibu.docs.book;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kuibu.docs.jshell.JShellBlocks;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;

/**
 * Renders the book twice from one source: the instructor's book (solutions shown) and the student's
 * book (every solution region of an included listing replaced by the stub the student edition has).
 * Both show the outputs of the reference code, evaluated once, and the same figures.
 *
 * <p>Usage: {@code RenderBook <project root> <index.adoc> <book dir> <student book dir> <work dir>}.
 * Runs in a JVM of its own (exec-maven-plugin) so that AsciidoctorJ can use the extensions compiled in
 * this module, and JShell gets this module's class path: every chapter's classes.
 *
 * <p>The build fails (exit code 1, each problem on a line with file and line) on any Asciidoctor
 * warning or error (missing include, unknown attribute, ...), a {@code [source,jshell]} snippet that
 * is rejected, throws or does not print its stated output, a cross-reference without target (except
 * into chapters not written yet), a missing image, or anything the page would load from the network.
 */
public final class RenderBook {

    /** Held so that the setting made on it stays: java.util.logging keeps loggers only weakly. */
    private static final java.util.logging.Logger ASCIIDOCTOR_LOG = java.util.logging.Logger.getLogger("asciidoctor");

    private RenderBook() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: RenderBook <project root> <index.adoc> <book dir> <student book dir> <work dir>");
            System.exit(2);
        }
        long started = System.nanoTime();
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Path index = Path.of(args[1]).toAbsolutePath().normalize();
        Path book = Path.of(args[2]).toAbsolutePath().normalize();
        Path studentBook = Path.of(args[3]).toAbsolutePath().normalize();
        Path work = Path.of(args[4]).toAbsolutePath().normalize();

        Chapters chapters = Chapters.in(root);
        Files.createDirectories(work);
        Files.writeString(work.resolve("exercises.adoc"), ExerciseIndex.asciidoc(ExerciseIndex.scan(chapters)),
                StandardCharsets.UTF_8);
        boolean measured;
        try {
            measured = MnistMeasurements.write(root, work);
        } catch (IOException e) {
            System.err.println("The book cannot show chapter 5's measurements: " + e.getMessage());
            System.exit(1);
            return;
        }
        Path studentSources = work.resolve("student-sources");
        deleteTree(studentSources);
        StudentSources.write(chapters, studentSources);

        List<String> problems = new ArrayList<>();
        JShellBlocks jshell = new JShellBlocks(snippetClasspath());
        // Asciidoctor also logs to java.util.logging; its warnings are reported below with the rest,
        // and its notes (an optional include of an unwritten chapter dropped) need not clutter the build
        ASCIIDOCTOR_LOG.setUseParentHandlers(false);
        try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
            asciidoctor.registerLogHandler(record -> {
                if (record.getSeverity().compareTo(Severity.WARN) >= 0) {
                    problems.add(describe(record));
                }
            });
            asciidoctor.javaExtensionRegistry().treeprocessor(jshell);
            render(asciidoctor, index, book, root, work, "instructor");
            render(asciidoctor, index, studentBook, studentSources, work, "student");
        }
        jshell.failures().forEach(f -> problems.add(f.toString()));
        copyTree(book.resolve("images"), studentBook.resolve("images"));
        copyTree(book.resolve("mathjax"), studentBook.resolve("mathjax"));
        // the interactive parts' scripts and style, beside the model RenderFigures wrote into interactive/
        copyTree(index.getParent().resolve("interactive"), book.resolve("interactive"));
        copyTree(book.resolve("interactive"), studentBook.resolve("interactive"));
        problems.addAll(HtmlCheck.problems(book.resolve("index.html"), chapters));
        problems.addAll(HtmlCheck.problems(studentBook.resolve("index.html"), chapters));

        // the student's book repeats the instructor's problems from its copy of the sources: report each once
        List<String> distinct = problems.stream()
                .map(p -> p.replace(studentSources.toString(), root.toString()).replace(studentBook.toString(), book.toString()))
                .distinct().toList();
        if (!distinct.isEmpty()) {
            System.err.println("The book has " + distinct.size() + " problem(s):");
            distinct.forEach(p -> System.err.println("  " + p.replace("\n", "\n  ")));
            System.exit(1);
        }
        System.out.printf("Book: %d of %d chapters written (%s), %d snippets evaluated, chapter 5's figures %s, in %.1f s%n"
                        + "  %s%n  %s%n",
                chapters.written().size(), chapters.all().size(),
                chapters.written().stream().map(c -> c.dir().getFileName().toString()).collect(Collectors.joining(", ")),
                jshell.evaluated(), measured ? "measured by the main job" : "not measured (run the main job for them)",
                (System.nanoTime() - started) / 1e9,
                book.resolve("index.html"), studentBook.resolve("index.html"));
    }

    private static void render(Asciidoctor asciidoctor, Path index, Path out, Path chaptersDir, Path work, String edition) {
        Attributes attributes = Attributes.builder()
                .attribute("edition", edition)
                .attribute("edition-" + edition, "")
                .attribute("chaptersdir", chaptersDir.toString())
                .attribute("generateddir", work.toString())
                .attribute("mathjaxdir", "mathjax")
                .attribute("imagesdir", "images")
                .attribute("attribute-missing", "warn")
                .build();
        Options options = Options.builder()
                .safe(SafeMode.UNSAFE)
                .backend("html5")
                .standalone(true)
                .sourcemap(true)
                .baseDir(index.getParent().toFile())
                .toFile(new File(out.toFile(), "index.html"))
                .mkDirs(true)
                .attributes(attributes)
                .build();
        asciidoctor.convertFile(index.toFile(), options);
    }

    /** This JVM's class path without the book tools (AsciidoctorJ, JRuby): the chapters and their libraries. */
    private static String snippetClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> {
                    String name = Path.of(entry).getFileName().toString();
                    return !name.startsWith("jruby") && !name.startsWith("asciidoctorj");
                })
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String describe(LogRecord record) {
        org.asciidoctor.ast.Cursor at = record.getCursor();
        String where = "";
        if (at != null && at.getPath() != null) {
            Path file = Path.of(at.getPath());
            if (at.getDir() != null) {
                file = Path.of(at.getDir()).resolve(file.getFileName());
            }
            where = file.toAbsolutePath().normalize() + ":" + at.getLineNumber() + ": ";
        }
        return where + "asciidoctor " + record.getSeverity() + ": " + record.getMessage();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
