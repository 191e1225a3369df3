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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kuibu.grading.Course;
import kuibu.grading.CourseException;
import kuibu.grading.FileTrees;
import kuibu.grading.StudentEdition;
import kuibu.grading.Stubs;

/**
 * Proves that every exercise can be failed: with only that exercise's regions replaced by the stub
 * (every other solution in place), its tests must fail. An exercise whose tests pass on its stub
 * grades nothing, which is a bug in the course (like nbgrader's {@code validate --invert}).
 *
 * <p>To stay fast, each chapter's solutions and exercise tests are compiled once; per exercise only
 * the chapter's main code is compiled again, with the one stub, and only that exercise's tests run.
 */
public final class StubCheck {

    /** For one exercise: did its tests fail on its stub, and what they said. */
    public record Finding(Course.ExerciseDef exercise, boolean failsOnStub, String detail) {}

    private StubCheck() {}

    public static List<Finding> run(Course course, Grader.Options options) throws IOException, InterruptedException, CourseException {
        List<Path> tool = Grader.toolClasspath();
        Path work = Files.createTempDirectory("kuibu-stubcheck-");
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.jobs()));
        try {
            List<Path> earlier = new ArrayList<>();
            List<Future<Object>> futures = new ArrayList<>();
            for (Course.Chapter chapter : course.chapters()) {
                Path chapterWork = work.resolve(chapter.module());
                List<Path> classpath = new ArrayList<>(tool);
                classpath.addAll(earlier);
                Path classes = chapterWork.resolve("classes");
                List<Path> sources = Course.javaFiles(chapter.mainJava());
                require(JavaCompilation.compile(sources, classpath, null, classes, course.root()), chapter.module() + " (main)");
                FileTrees.copy(chapter.dir().resolve("src/main/resources"), classes);
                List<Path> before = List.copyOf(earlier);
                earlier.add(classes);
                if (chapter.exercises().isEmpty()) {
                    continue;
                }
                List<Path> testSources = chapter.exercises().stream().flatMap(e -> e.testClasses().stream())
                        .distinct().map(t -> chapter.testJava().resolve(t.replace('.', '/') + ".java")).toList();
                List<Path> testClasspath = new ArrayList<>(classpath);
                testClasspath.add(classes);
                Path testClasses = chapterWork.resolve("test-classes");
                require(JavaCompilation.compile(testSources, testClasspath, chapter.testJava(), testClasses, course.root()),
                        chapter.module() + " (tests)");
                FileTrees.copy(chapter.dir().resolve("src/test/resources"), testClasses);
                for (Course.ExerciseDef exercise : chapter.exercises()) {
                    futures.add(pool.submit(() -> prepare(course, chapter, exercise, tool, before, testClasses,
                            chapterWork.resolve("stub-" + exercise.id()))));
                }
            }
            Map<String, Finding> findings = new LinkedHashMap<>();
            Map<String, Course.ExerciseDef> byId = new LinkedHashMap<>();
            List<String> batch = new ArrayList<>();
            for (Future<Object> f : futures) {
                Object prepared = get(f);
                if (prepared instanceof Finding finding) {
                    findings.put(finding.exercise().id(), finding);
                } else {
                    String line = (String) prepared;
                    batch.add(line);
                    findings.put(line.split("\t")[1], null);
                }
            }
            for (Course.ExerciseDef e : course.exercises()) {
                byId.put(e.id(), e);
            }
            // the stubs' tests: a few JVMs, each running a share of the exercises, one class loader per exercise
            int jvms = Math.max(1, Math.min(options.jobs(), batch.size()));
            List<Future<List<TestProcess.Outcome>>> runs = new ArrayList<>();
            for (int j = 0; j < jvms; j++) {
                Path batchFile = work.resolve("batch-" + j + ".txt");
                List<String> share = new ArrayList<>();
                for (int i = j; i < batch.size(); i += jvms) {
                    share.add(batch.get(i));
                }
                Files.write(batchFile, share, StandardCharsets.UTF_8);
                runs.add(pool.submit(() -> TestProcess.runBatch(tool, batchFile,
                        new TestProcess.Limits(options.testTimeoutSeconds(), options.totalTimeoutSeconds(), options.heap()),
                        batchFile.resolveSibling(batchFile.getFileName() + ".run"))));
            }
            Map<String, List<TestProcess.Outcome>> outcomes = new LinkedHashMap<>();
            for (Future<List<TestProcess.Outcome>> run : runs) {
                for (TestProcess.Outcome o : get(run)) {
                    outcomes.computeIfAbsent(o.uid().substring(0, o.uid().indexOf('|')), k -> new ArrayList<>()).add(o);
                }
            }
            List<Finding> result = new ArrayList<>();
            for (Map.Entry<String, Finding> entry : findings.entrySet()) {
                result.add(entry.getValue() != null ? entry.getValue()
                        : judge(byId.get(entry.getKey()), outcomes.getOrDefault(entry.getKey(), List.of())));
            }
            return result;
        } finally {
            pool.shutdownNow();
            StudentEdition.deleteTree(work);
        }
    }

    private static <T> T get(Future<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("stub check failed: " + e.getCause(), e.getCause());
        }
    }

    /** Compiles the chapter with only {@code exercise} stubbed: a batch line for its tests, or a finding if it fails. */
    private static Object prepare(Course course, Course.Chapter chapter, Course.ExerciseDef exercise, List<Path> tool,
                                  List<Path> before, Path testClasses, Path work) throws Exception {
        List<Path> sources = new ArrayList<>();
        for (Path file : Course.javaFiles(chapter.mainJava())) {
            String rel = FileTrees.slashes(chapter.mainJava().relativize(file));
            boolean mine = chapter.solutionFiles().getOrDefault(rel, List.of()).stream().anyMatch(r -> r.id().equals(exercise.id()));
            if (mine) {
                Path stubbed = work.resolve("src").resolve(rel);
                Files.createDirectories(stubbed.getParent());
                Files.writeString(stubbed, Stubs.stubbed(course, chapter, rel, exercise.id()::equals), StandardCharsets.UTF_8);
                sources.add(stubbed);
            } else {
                sources.add(file);
            }
        }
        List<Path> classpath = new ArrayList<>(tool);
        classpath.addAll(before);
        Path classes = work.resolve("classes");
        JavaCompilation.Result compiled = JavaCompilation.compile(sources, classpath, null, classes, work);
        if (!compiled.ok()) {
            return new Finding(exercise, false, "the chapter does not compile with this exercise stubbed:\n" + compiled.errors());
        }
        FileTrees.copy(chapter.dir().resolve("src/main/resources"), classes);
        List<Path> own = new ArrayList<>();
        own.add(classes);
        own.addAll(before);
        own.add(testClasses);
        return String.join("\t", exercise.id(), exercise.id(),
                own.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                String.join(",", exercise.testClasses()));
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

    private static void require(JavaCompilation.Result result, String what) {
        if (!result.ok()) {
            throw new IllegalStateException("the course's " + what + " does not compile:\n" + result.errors());
        }
    }
}
