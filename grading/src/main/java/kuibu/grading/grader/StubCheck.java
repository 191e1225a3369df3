package kuibu.grading.grader;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kuibu.grading.Course;
import kuibu.grading.CourseException;
import kuibu.grading.StudentEdition;
import kuibu.grading.Stubs;

/**
 * Proves that every exercise can be failed: with only that exercise's regions replaced by the stub
 * (every other solution in place), its tests must fail. An exercise whose tests pass on its stub
 * grades nothing, which is a bug in the course (like nbgrader's {@code validate --invert}).
 *
 * <p>The course is compiled once ({@link Reference}); per exercise only the files holding its regions
 * are compiled again, stubbed, and only that exercise's tests run, all in one test JVM.
 */
public final class StubCheck {

    /** For one exercise: did its tests fail on its stub, and what they said. */
    public record Finding(Course.ExerciseDef exercise, boolean failsOnStub, String detail) {}

    private StubCheck() {}

    public static List<Finding> run(Course course, Grader.Options options) throws IOException, InterruptedException, CourseException {
        List<Path> tool = Grader.toolClasspath();
        Path work = Files.createTempDirectory("kuibu-stubcheck-");
        try {
            Reference reference = Reference.of(course, tool, options.limits());
            Map<String, Finding> findings = new LinkedHashMap<>();
            Map<String, TestProcess.Planned> plan = new LinkedHashMap<>();
            List<String> batch = new ArrayList<>();
            for (Course.Chapter chapter : course.chapters()) {
                for (Course.ExerciseDef exercise : chapter.exercises()) {
                    Path dir = work.resolve("stub-" + exercise.id());
                    List<Path> sources = new ArrayList<>();
                    for (String file : chapter.filesOf(exercise.id())) {
                        Path stubbed = dir.resolve("src").resolve(file);
                        Files.createDirectories(stubbed.getParent());
                        Files.writeString(stubbed, Stubs.stubbed(course, chapter, file, exercise.id()::equals), StandardCharsets.UTF_8);
                        sources.add(stubbed);
                    }
                    List<Path> classpath = new ArrayList<>(tool);
                    classpath.addAll(reference.mainClasspath(chapter.module()));
                    Path classes = dir.resolve("classes");
                    JavaCompilation.Result compiled = JavaCompilation.compile(sources, classpath, null, classes, dir);
                    if (!compiled.ok()) {
                        findings.put(exercise.id(), new Finding(exercise, false,
                                "the chapter does not compile with this exercise stubbed:\n" + compiled.errors()));
                        continue;
                    }
                    findings.put(exercise.id(), null);
                    reference.plan(exercise.id()).forEach((uid, test) -> plan.put(exercise.id() + "|" + uid, test));
                    batch.add(String.join("\t", exercise.id(), exercise.id(),
                            reference.classpathFor(chapter.module(), classes).stream().map(Path::toString)
                                    .collect(Collectors.joining(File.pathSeparator)),
                            String.join(",", exercise.testClasses())));
                }
            }
            Path batchFile = work.resolve("batch.txt");
            Files.write(batchFile, batch, StandardCharsets.UTF_8);
            List<TestProcess.Outcome> outcomes = TestProcess.runBatch(tool, batchFile, plan, options.limits(), work.resolve("run"),
                    Sandbox.none(), List.of());
            List<Finding> result = new ArrayList<>();
            for (Course.ExerciseDef exercise : course.exercises()) {
                Finding finding = findings.get(exercise.id());
                result.add(finding != null ? finding : judge(exercise,
                        outcomes.stream().filter(o -> o.uid().startsWith(exercise.id() + "|")).toList()));
            }
            return result;
        } finally {
            StudentEdition.deleteTree(work);
        }
    }

    private static Finding judge(Course.ExerciseDef exercise, List<TestProcess.Outcome> outcomes) {
        List<TestProcess.Outcome> failed = outcomes.stream().filter(TestProcess.Outcome::failed).toList();
        if (outcomes.isEmpty()) {
            return new Finding(exercise, false, "none of its tests ran");
        }
        if (failed.isEmpty()) {
            return new Finding(exercise, false, "all " + outcomes.size() + " of its tests pass with its solution replaced by the stub");
        }
        return new Finding(exercise, true, failed.size() + " of " + outcomes.size() + " tests fail on the stub, first: "
                + failed.get(0).message().lines().findFirst().orElse(""));
    }
}
