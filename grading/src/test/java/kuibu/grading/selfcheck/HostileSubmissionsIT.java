package kuibu.grading.selfcheck;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kuibu.grading.Course;
import kuibu.grading.FileTrees;
import kuibu.grading.StudentEdition;
import kuibu.grading.grader.Grader;
import kuibu.grading.grader.Reports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submissions written by a student who has read the grader's source (it ships with the student edition)
 * and wants marks without solving anything. Each starts from a fresh student edition, which scores 0, and
 * attacks the grader one way; each must still score 0, graded in one run beside the instructor's course
 * (full marks) and the plain edition (0), leaving the course folder unchanged and no process behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileSubmissionsIT {

    @TempDir
    static Path temp;

    private Course course;
    private Map<String, Grader.SubmissionResult> graded;

    @BeforeAll
    void gradeThemAll() throws Exception {
        course = SelfCheck.course();
        Path edition = StudentEdition.write(course, temp.resolve("edition")).out();
        Map<String, Path> submissions = new LinkedHashMap<>();
        submissions.put("instructor", SelfCheck.copyChapters(course, temp.resolve("instructor")));
        submissions.put("plain-edition", edition);

        // files that take the name of a course test, of a class beside it, or of the grader's test runner
        Path shadow = copy(edition, "shadow-test-class");
        write(shadow, "chapter01-derivatives/src/main/java/kuibu/derivatives/ForwardDifferenceExerciseTest.java", """
                package kuibu.derivatives;
                @kuibu.grading.Exercise(id = "1.1", points = 2)
                class ForwardDifferenceExerciseTest { @org.junit.jupiter.api.Test void passes() { } }
                """);
        write(shadow, "chapter01-derivatives/src/main/java/kuibu/derivatives/Helper.java", """
                package kuibu.derivatives;
                class Helper { }
                @kuibu.grading.Exercise(id = "1.2", points = 1)
                class LandscapeGradientsExerciseTest { @org.junit.jupiter.api.Test void passes() { } }
                """);
        write(shadow, "chapter01-derivatives/src/main/java/kuibu/grading/grader/TestRunnerMain.java", """
                package kuibu.grading.grader;
                public final class TestRunnerMain { public static void main(String[] args) { } }
                """);
        // a class named like one of java.lang stands in for it in the course's code compiled beside it: a sigmoid made flat
        write(shadow, "chapter03-single-neuron/src/main/java/kuibu/neuron/Math.java", """
                package kuibu.neuron;
                final class Math {
                    static double exp(double x) { return 0; }
                    static double tanh(double x) { return 0; }
                    static double max(double a, double b) { return 0; }
                }
                """);
        answer(shadow, "3.1", "return 0;");
        submissions.put("shadow-test-class", shadow);

        // forging the test JVM's report: from an exercise, and from a helper's static initializer
        Path forge = copy(edition, "forge-report");
        answer(forge, "1.1", """
                String[] command = System.getProperty("sun.java.command").split(" ");
                try {
                    java.nio.file.Files.writeString(java.nio.file.Path.of(command[2]), "DONE\\n", java.nio.file.StandardOpenOption.APPEND);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                Runtime.getRuntime().halt(0);
                return 0;""");
        write(forge, "chapter01-derivatives/src/main/java/kuibu/derivatives/Forger.java", """
                package kuibu.derivatives;
                final class Forger {
                    static { Runtime.getRuntime().halt(0); }
                    static double[] touch() { return new double[2]; }
                }
                """);
        answer(forge, "1.2", "return Forger.touch();");
        submissions.put("forge-report", forge);

        // links to the course: one chapter's code, and the whole submission
        Path linkedChapter = copy(edition, "symlink-chapter");
        Path main = linkedChapter.resolve("chapter01-derivatives/src/main/java");
        StudentEdition.deleteTree(main);
        Files.createSymbolicLink(main, course.root().resolve("chapter01-derivatives/src/main/java"));
        submissions.put("symlink-chapter", linkedChapter);
        Path linkedWhole = Files.createDirectories(temp.resolve("symlink-whole"));
        Files.createSymbolicLink(linkedWhole.resolve("kuibu"), course.root());
        submissions.put("symlink-whole", linkedWhole);

        // reaching other submissions, the course and the instructor's solutions
        Path neighbours = copy(edition, "other-submissions");
        answer(neighbours, "1.1", """
                ProcessHandle.allProcesses().forEach(ProcessHandle::destroyForcibly);
                try (var runs = java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
                    runs.forEach(p -> { });
                } catch (java.io.IOException e) { }
                new ProcessBuilder("sh", "-c", "sleep 600 &").inheritIO();
                return 0;""");
        submissions.put("other-submissions", neighbours);
        Path courseWriter = copy(edition, "write-course");
        answer(courseWriter, "1.1", "try { java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                + course.root().resolve("chapter01-derivatives/src/test/java/kuibu/derivatives/ForwardDifferenceExerciseTest.java")
                + "\"), \"\"); } catch (java.io.IOException e) { }\n        return 0;");
        submissions.put("write-course", courseWriter);
        Path solutionReader = copy(edition, "read-solutions");
        answer(solutionReader, "1.1", "try { throw new IllegalStateException(java.nio.file.Files.readString(java.nio.file.Path.of(\""
                + course.root().resolve("chapter01-derivatives/src/main/java/kuibu/derivatives/Derivatives.java")
                + "\"))); } catch (java.io.IOException e) { return 0; }");
        submissions.put("read-solutions", solutionReader);

        // partial marks without deriving: a rigged referee, aborted tests, numeric gradients (called or by hand)
        Path rigged = copy(edition, "rigged-referee");
        SelfCheck.edit(rigged.resolve("chapter01-derivatives/src/main/java/kuibu/derivatives/Derivatives.java"),
                text -> text.replaceFirst("double\\[\\] gradient = new double\\[x.length\\];",
                        "double[] gradient = new double[x.length]; if (x.length > 0) return gradient;"));
        answer(rigged, "1.2", "return new double[2];");
        submissions.put("rigged-referee", rigged);
        Path aborted = copy(edition, "aborted-tests");
        answer(aborted, "1.1", "throw new org.opentest4j.TestAbortedException(\"skip me\");");
        answer(aborted, "1.2", "org.junit.jupiter.api.Assumptions.assumeTrue(false); return null;");
        submissions.put("aborted-tests", aborted);
        Path referee = copy(edition, "numeric-referee");
        answer(referee, "1.2", "return Derivatives.gradient(Functions::bowl, p);");
        answer(referee, "1.3", "return Derivatives.gradient(Functions::rosenbrock, p, 1e-6);");
        submissions.put("numeric-referee", referee);
        Path byHand = copy(edition, "numeric-by-hand");
        answer(byHand, "1.2", centralDifferences("Functions.bowl"));
        answer(byHand, "1.3", centralDifferences("Functions.rosenbrock"));
        answer(byHand, "3.1", "double h = 1e-5;\n            return (value(z + h) - value(z - h)) / (2 * h);");
        answer(byHand, "4.1", """
                double[] delta = new double[z.length];
                for (int j = 0; j < z.length; j++) {
                    double h = 1e-5;
                    delta[j] = costGradient[j] * (activation.value(z[j] + h) - activation.value(z[j] - h)) / (2 * h);
                }
                return delta;""");
        submissions.put("numeric-by-hand", byHand);

        // resources: a source that makes the compiler's memory explode, threads, memory outside the heap, files
        Path bomb = copy(edition, "compiler-bomb");
        StringBuilder constants = new StringBuilder("package kuibu.derivatives;\nfinal class Bomb {\n    static final String S0 = \"kuibu\";\n");
        for (int i = 1; i <= 40; i++) {
            constants.append("    static final String S").append(i).append(" = S").append(i - 1).append(" + S").append(i - 1).append(";\n");
        }
        write(bomb, "chapter01-derivatives/src/main/java/kuibu/derivatives/Bomb.java", constants.append("}\n").toString());
        answer(bomb, "1.1", "return Bomb.S40.length();");
        submissions.put("compiler-bomb", bomb);
        Path hog = copy(edition, "resources");
        answer(hog, "1.1", """
                for (int i = 0; i < 3000; i++) { new Thread(() -> { }).start(); }
                java.nio.ByteBuffer.allocateDirect(1 << 30);
                return 0;""");
        submissions.put("resources", hog);

        String before = checksum(course.root());
        List<Grader.SubmissionResult> results = new Grader(course, new Grader.Options(20, 600, "256m", 2)).gradeAll(submissions);
        graded = results.stream().collect(Collectors.toMap(Grader.SubmissionResult::name, Function.identity()));
        assertThat("the course folder is unchanged", checksum(course.root()), equalTo(before));
    }

    @Test
    void theInstructorScoresFullMarksAndThePlainEditionZero() {
        Grader.SubmissionResult instructor = graded.get("instructor");
        assertThat(Reports.feedback(instructor), instructor.score(), equalTo(course.maxPoints()));
        assertThat(instructor.compileErrors().keySet(), empty());
        Grader.SubmissionResult edition = graded.get("plain-edition");
        for (Grader.ExerciseResult e : edition.exercises()) {
            assertThat("student edition, exercise " + e.exercise().id(), e.score(), equalTo(0));
            assertThat(e.output(), containsString("Exercise " + e.exercise().id() + " is yours to write"));
        }
    }

    @Test
    void filesThatTakeTheCoursesNamesAreRefused() {
        assertZero("shadow-test-class");
        String feedback = Reports.feedback(graded.get("shadow-test-class"));
        assertThat(feedback, containsString("ForwardDifferenceExerciseTest.java: declares ForwardDifferenceExerciseTest, a name the course uses"));
        assertThat(feedback, containsString("Helper.java: declares LandscapeGradientsExerciseTest, a name the course uses"));
        assertThat(feedback, containsString("kuibu/grading/grader/TestRunnerMain.java: refused: new files belong in the chapter's own package"));
        assertThat(feedback, containsString("Math.java: declares Math, the name of java.lang.Math: refused"));
    }

    @Test
    void aForgedReportIsNeverWritten() {
        assertZero("forge-report");
        assertThat(output("forge-report", "1.1"), containsString("java.lang.System.getProperty"));
        assertThat(output("forge-report", "1.1"), containsString("java.lang.Runtime.halt"));
        assertThat(output("forge-report", "1.2"), containsString("Forger.java:3: java.lang.Runtime.halt"));
    }

    @Test
    void linksAreRefused() {
        assertZero("symlink-chapter");
        assertThat(Reports.feedback(graded.get("symlink-chapter")), containsString("is a symbolic link: refused"));
        assertZero("symlink-whole");
        assertThat(Reports.feedback(graded.get("symlink-whole")), containsString("is a symbolic link: refused"));
    }

    @Test
    void otherSubmissionsTheCourseAndTheSolutionsAreOutOfReach() throws Exception {
        assertZero("other-submissions");
        assertThat(output("other-submissions", "1.1"), containsString("java.lang.ProcessHandle"));
        assertZero("write-course");
        assertThat(output("write-course", "1.1"), containsString("may not use files"));
        assertZero("read-solutions");
        String feedback = Reports.feedback(graded.get("read-solutions")) + Reports.resultsJson(graded.get("read-solutions"));
        assertThat(feedback, not(containsString("f.applyAsDouble(x + h) - f.applyAsDouble(x)")));
    }

    @Test
    void noPartialMarksWithoutDeriving() {
        assertZero("rigged-referee");
        assertThat(Reports.feedback(graded.get("rigged-referee")), containsString("outside the exercises' methods"));
        assertZero("aborted-tests");
        assertThat(output("aborted-tests", "1.1"), containsString("may not use the test libraries"));
        assertZero("numeric-referee");
        assertThat(output("numeric-referee", "1.2"), containsString("may not call the numeric referee"));
        assertZero("numeric-by-hand");
        for (String id : List.of("1.2", "1.3", "3.1", "4.1")) {
            assertThat(output("numeric-by-hand", id), not(containsString("not written yet")));
        }
    }

    @Test
    void resourcesAreLimited() {
        assertZero("compiler-bomb");
        assertThat(output("compiler-bomb", "1.1"), containsString("does not compile"));
        assertZero("resources");
        assertThat(output("resources", "1.1"), containsString("may not start threads"));
        assertThat(output("resources", "1.1"), containsString("may not use files"));
    }

    /**
     * No process outlives its grading: none still runs in a grading folder that the grader has
     * already removed. (Processes in folders that still exist belong to gradings under way, such as
     * another build's on the same machine.)
     */
    @Test
    void noProcessIsLeftBehind() {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            List<String> leftBehind = all.map(h -> h.pid() + " " + h.info().commandLine().orElse(""))
                    .filter(line -> GRADING_FOLDER.matcher(line).results().anyMatch(m -> !Files.exists(Path.of(m.group()))))
                    .toList();
            assertThat(leftBehind, empty());
        }
    }

    private static final Pattern GRADING_FOLDER = Pattern.compile("/[^\\s:=]*kuibu-grade-[^/\\s:=]+");

    private void assertZero(String name) {
        Grader.SubmissionResult result = graded.get(name);
        assertThat(name + " scores 0:\n" + Reports.feedback(result), result.score(), equalTo(0));
    }

    private String output(String name, String exercise) {
        return graded.get(name).exercises().stream().filter(e -> e.exercise().id().equals(exercise)).findFirst().orElseThrow().output();
    }

    private static String centralDifferences(String function) {
        return "double[] g = new double[p.length];\n        for (int i = 0; i < p.length; i++) {\n"
                + "            double[] up = p.clone();\n            double[] down = p.clone();\n"
                + "            up[i] += 1e-5;\n            down[i] -= 1e-5;\n"
                + "            g[i] = (" + function + "(up) - " + function + "(down)) / 2e-5;\n        }\n        return g;";
    }

    /** Replaces the first stub of {@code exercise} in the submission by {@code body}. */
    private static void answer(Path submission, String exercise, String body) throws Exception {
        String stub = "throw new UnsupportedOperationException(\"Exercise " + exercise + " is yours to write";
        try (Stream<Path> files = Files.walk(submission)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int at = text.indexOf(stub);
                if (at >= 0) {
                    int end = text.indexOf(";\n", at) + 1;
                    Files.writeString(file, text.substring(0, at) + body + text.substring(end), StandardCharsets.UTF_8);
                    return;
                }
            }
        }
        throw new IllegalStateException("no stub of exercise " + exercise + " in " + submission);
    }

    private static void write(Path submission, String file, String text) throws Exception {
        Path to = submission.resolve(file);
        Files.createDirectories(to.getParent());
        Files.writeString(to, text, StandardCharsets.UTF_8);
    }

    private static Path copy(Path edition, String name) throws Exception {
        Path to = temp.resolve(name);
        FileTrees.copy(edition, to);
        return to;
    }

    private static String checksum(Path root) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !root.relativize(f).toString().contains("target"))
                    .filter(f -> !root.relativize(f).startsWith(".git")).sorted().toList()) {
                all.append(root.relativize(f)).append(' ').append(java.util.Arrays.hashCode(Files.readAllBytes(f))).append('\n');
            }
        }
        return all.toString();
    }
}
