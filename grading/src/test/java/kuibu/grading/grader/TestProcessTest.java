package kuibu.grading.grader;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grader decides what ran: a test JVM whose code forges its report, aborts its tests, or runs tests
 * nobody planned gains nothing. The tests here run small test classes compiled for the purpose (they are
 * the "student code", with no policy in the way), so they check this layer on its own.
 */
class TestProcessTest {

    private static final String PACKAGE = "package fx;\nimport org.junit.jupiter.api.*;\n";

    @TempDir
    Path temp;

    @Test
    void aForgedReportCountsForNothing() throws Exception {
        // what a student who has read TestRunnerMain would write: find the report file, claim success, stop the JVM
        String forger = PACKAGE + """
                @kuibu.grading.Exercise(id = "9.1", points = 1)
                class ForgeTest {
                    @Test void forges() throws Exception {
                        String[] command = System.getProperty("sun.java.command").split(" ");
                        String events = command[java.util.Arrays.asList(command).indexOf("--events") + 1];
                        String uid = "run|[engine:junit-jupiter]/[class:fx.ForgeTest]/[method:forges()]";
                        java.nio.file.Files.writeString(java.nio.file.Path.of(events),
                                "RESULT\\t" + uid + "\\tSUCCESSFUL\\t\\t" + "0".repeat(64) + "\\nDONE\\t" + "0".repeat(64) + "\\n",
                                java.nio.file.StandardOpenOption.APPEND);
                        Runtime.getRuntime().halt(0);
                    }
                }
                """;
        List<TestProcess.Outcome> outcomes = run(Map.of("ForgeTest", forger), List.of("ForgeTest"), plan("ForgeTest", "forges()"));
        assertThat(outcomes.size(), equalTo(1));
        assertThat(outcomes.get(0).status(), equalTo(TestProcess.Status.FAILED));
        assertThat(outcomes.get(0).message(), containsString("tampered"));
    }

    @Test
    void anAbortedOrSkippedTestFails() throws Exception {
        String aborting = PACKAGE + """
                @kuibu.grading.Exercise(id = "9.1", points = 1)
                class AbortTest {
                    @Test void aborts() { Assumptions.assumeTrue(false, "not today"); }
                    @Test void passes() { }
                }
                """;
        List<TestProcess.Outcome> outcomes = run(Map.of("AbortTest", aborting), List.of("AbortTest"),
                plan("AbortTest", "aborts()", "passes()"));
        assertThat(outcomes.get(0).status(), equalTo(TestProcess.Status.FAILED));
        assertThat(outcomes.get(0).message(), containsString("counts as failed"));
        assertThat(outcomes.get(1).status(), equalTo(TestProcess.Status.PASSED));
    }

    @Test
    void onlyPlannedTestsCountAndAPlannedTestThatNeverRanFails() throws Exception {
        String extra = PACKAGE + """
                @kuibu.grading.Exercise(id = "9.1", points = 1)
                class ExtraTest {
                    @Test void planned() { }
                    @Test void unplanned() { }
                }
                """;
        Map<String, TestProcess.Planned> plan = plan("ExtraTest", "planned()", "vanished()");
        List<TestProcess.Outcome> outcomes = run(Map.of("ExtraTest", extra), List.of("ExtraTest"), plan);
        assertThat(outcomes.stream().map(TestProcess.Outcome::uid).toList(), equalTo(List.copyOf(plan.keySet())));
        assertThat(outcomes.get(0).status(), equalTo(TestProcess.Status.PASSED));
        assertThat(outcomes.get(1).status(), equalTo(TestProcess.Status.FAILED));
    }

    @Test
    void aTestThatStopsTheJvmFailsAndTheOthersStillRun() throws Exception {
        String halting = PACKAGE + """
                @kuibu.grading.Exercise(id = "9.1", points = 1)
                class HaltTest {
                    @Test void a_halts() { Runtime.getRuntime().halt(7); }
                }
                """;
        String fine = PACKAGE + """
                @kuibu.grading.Exercise(id = "9.2", points = 1)
                class FineTest {
                    @Test void passes() { }
                }
                """;
        Map<String, TestProcess.Planned> plan = new LinkedHashMap<>(plan("HaltTest", "a_halts()"));
        plan.putAll(plan("FineTest", "passes()"));
        List<TestProcess.Outcome> outcomes = run(Map.of("HaltTest", halting, "FineTest", fine), List.of("HaltTest", "FineTest"), plan);
        assertThat(outcomes.get(0).status(), equalTo(TestProcess.Status.FAILED));
        assertThat(outcomes.get(0).message(), containsString("exit code 7"));
        assertThat(outcomes.get(1).status(), equalTo(TestProcess.Status.PASSED));
    }

    @Test
    void anExceptionFromTheStudentsCodeComesWithTheTestsHintOrWhatItUsuallyMeans() throws Exception {
        String hinted = PACKAGE + """
                @kuibu.grading.Exercise(id = "9.1", points = 1)
                @kuibu.grading.Hint("BP2 reads w^{l+1} as w[j][k]: j the next layer's neuron")
                class HintedTest {
                    @Test void throwsWithHint() { int[] a = new int[2]; a[3] = 1; }
                }
                """;
        String plain = PACKAGE + """
                @kuibu.grading.Exercise(id = "9.2", points = 1)
                class FineTest {
                    @Test void passes() { int[] a = new int[2]; a[3] = 1; }
                }
                """;
        Map<String, TestProcess.Planned> plan = new LinkedHashMap<>(plan("HintedTest", "throwsWithHint()"));
        plan.putAll(plan("FineTest", "passes()"));
        List<TestProcess.Outcome> outcomes = run(Map.of("HintedTest", hinted, "FineTest", plain), List.of("HintedTest", "FineTest"), plan);
        assertThat(outcomes.get(0).message(), containsString("ArrayIndexOutOfBoundsException"));
        assertThat(outcomes.get(0).message(), containsString("(BP2 reads w^{l+1} as w[j][k]: j the next layer's neuron)"));
        assertThat(outcomes.get(1).message(), containsString("an index past the end of an array"));
    }

    private static Map<String, TestProcess.Planned> plan(String type, String... methods) {
        Map<String, TestProcess.Planned> plan = new LinkedHashMap<>();
        for (String method : methods) {
            plan.put("run|[engine:junit-jupiter]/[class:fx." + type + "]/[method:" + method + "]",
                    new TestProcess.Planned(type.equals("FineTest") ? "9.2" : "9.1", type + " > " + method));
        }
        return plan;
    }

    private List<TestProcess.Outcome> run(Map<String, String> sources, List<String> types, Map<String, TestProcess.Planned> plan)
            throws Exception {
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = temp.resolve("src/fx/" + source.getKey() + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
            files.add(file);
        }
        Path classes = temp.resolve("classes");
        JavaCompilation.Result compiled = JavaCompilation.compile(files, Grader.toolClasspath(), null, classes, temp);
        assertThat(compiled.errors(), compiled.ok(), equalTo(true));
        Path batch = temp.resolve("batch.txt");
        Files.writeString(batch, String.join("\t", "run", "", classes.toString(),
                types.stream().map(t -> "fx." + t).collect(Collectors.joining(","))) + "\n", StandardCharsets.UTF_8);
        return TestProcess.runBatch(Grader.toolClasspath(), batch, plan, new TestProcess.Limits(10, 60, "128m"), temp.resolve("run"),
                Sandbox.none(), List.of());
    }
}
