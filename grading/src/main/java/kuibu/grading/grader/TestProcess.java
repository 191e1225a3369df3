package kuibu.grading.grader;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs graded tests in a separate JVM (heap limit, per-test timeout, time limit for the whole run)
 * and survives whatever the code under test does. A test that loops past its time, calls
 * {@code System.exit}, or runs out of memory is counted as failed with a message saying so, and a
 * new JVM runs the tests that are left; the other tests are not affected.
 */
final class TestProcess {

    /** The limits of one run. */
    record Limits(int testTimeoutSeconds, int totalTimeoutSeconds, String heap) {}

    /** How one test ended. */
    record Outcome(String uid, String exercise, String name, Status status, String message) {
        boolean failed() {
            return status == Status.FAILED;
        }
    }

    /** A skipped or aborted test (a disabled one, a failed assumption) neither passes nor fails. */
    enum Status { PASSED, FAILED, SKIPPED }

    private static final int GRACE_SECONDS = 2;
    private static final int MAX_RESTARTS = 20;
    private static final int OUTPUT_KEPT = 8192;

    private TestProcess() {}

    /**
     * Runs the exercise tests of {@code classes} with {@code classpath} in {@code workDir}, only those of
     * {@code onlyExercises} when it is not empty, and returns every test's outcome in plan order.
     */
    static List<Outcome> run(List<Path> classpath, List<String> classes, List<String> onlyExercises, Limits limits,
                             Path workDir) throws IOException, InterruptedException {
        List<String> runnerArgs = new ArrayList<>();
        for (String id : onlyExercises) {
            runnerArgs.addAll(List.of("--exercise", id));
        }
        runnerArgs.addAll(classes);
        return runWith(classpath, runnerArgs, limits, workDir);
    }

    /**
     * Runs several exercises' tests in one JVM, each with a class path of its own on top of
     * {@code classpath}: one line of {@code batch} per run, "label TAB exercise TAB class path TAB
     * test classes (comma-separated)". Test ids in the outcomes start with "label|".
     */
    static List<Outcome> runBatch(List<Path> classpath, Path batch, Limits limits, Path workDir)
            throws IOException, InterruptedException {
        return runWith(classpath, List.of("--batch", batch.toString()), limits, workDir);
    }

    private static List<Outcome> runWith(List<Path> classpath, List<String> runnerArgs, Limits limits, Path workDir)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Map<String, String[]> plan = new LinkedHashMap<>(); // uid -> {exercise, name}
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        List<String> excluded = new ArrayList<>();
        long deadline = System.nanoTime() + limits.totalTimeoutSeconds() * 1_000_000_000L;
        String stopReason = null;
        for (int attempt = 0; ; attempt++) {
            Path events = workDir.resolve("events-" + attempt + ".txt");
            Path exclude = workDir.resolve("exclude-" + attempt + ".txt");
            Files.write(exclude, excluded, StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + limits.heap(), "-Xss2m",
                    "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                    "-cp", classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                    TestRunnerMain.class.getName(), "--events", events.toString(), "--exclude", exclude.toString(),
                    "--timeout", String.valueOf(limits.testTimeoutSeconds())));
            command.addAll(runnerArgs);
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            OutputTail tail = new OutputTail(process.getInputStream());
            tail.start();

            String running = null;
            java.util.Deque<String> containers = new java.util.ArrayDeque<>();
            long runningSince = System.nanoTime();
            String killedFor = null;
            int linesRead = 0;
            while (true) {
                boolean exited = process.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                List<String> lines = readLines(events);
                for (; linesRead < lines.size(); linesRead++) {
                    String[] f = lines.get(linesRead).split("\t", -1);
                    switch (f[0]) {
                        case "PLAN" -> plan.putIfAbsent(TestRunnerMain.unescape(f[1]),
                                new String[] {f[2], TestRunnerMain.unescape(f[3])});
                        case "START" -> {
                            String uid = TestRunnerMain.unescape(f[1]);
                            if (plan.containsKey(uid)) {
                                running = uid;
                                runningSince = System.nanoTime();
                            } else {
                                containers.push(uid);
                            }
                        }
                        case "RESULT" -> {
                            String uid = TestRunnerMain.unescape(f[1]);
                            boolean passed = f[2].equals("SUCCESSFUL");
                            String message = TestRunnerMain.unescape(f[3]);
                            if (plan.containsKey(uid)) {
                                Status status = passed ? Status.PASSED : f[2].equals("FAILED") ? Status.FAILED : Status.SKIPPED;
                                record(outcomes, plan, uid, status, passed ? "" : message);
                                excluded.add(uid);
                                running = null;
                            } else {
                                containers.remove(uid);
                                if (f[2].equals("FAILED")) { // a class that could not start: its tests all fail with its reason
                                    failAllUnder(outcomes, plan, excluded, uid, message);
                                }
                            }
                        }
                        default -> { }
                    }
                }
                if (exited) {
                    break;
                }
                long now = System.nanoTime();
                if (running != null && now - runningSince > (limits.testTimeoutSeconds() + GRACE_SECONDS) * 1_000_000_000L) {
                    killedFor = "timed out: still running after " + limits.testTimeoutSeconds()
                            + " s (an infinite loop, or far too slow?); the grader stopped it";
                } else if (now > deadline) {
                    killedFor = "not finished: the tests ran out of their total time of " + limits.totalTimeoutSeconds() + " s";
                }
                if (killedFor != null) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor();
                    break;
                }
            }
            tail.join(2000);
            List<String> lines = readLines(events);
            boolean done = !lines.isEmpty() && lines.get(lines.size() - 1).equals("DONE");
            if (done && running == null) {
                break;
            }
            String why;
            if (killedFor != null) {
                why = killedFor;
            } else if (process.exitValue() == 3) {
                why = "the test JVM ran out of memory (heap limit " + limits.heap() + ")";
            } else {
                why = "the test JVM stopped (exit code " + process.exitValue()
                        + ") during this test: System.exit, Runtime.halt or a crash?" + lastOutput(tail.text());
            }
            if (running != null) {
                record(outcomes, plan, running, Status.FAILED, why);
                excluded.add(running);
                // the exercise has failed (all or nothing): don't pay for its other tests looping or crashing too
                String exercise = plan.get(running)[0];
                String stopped = running;
                for (String uid : plan.keySet()) {
                    if (!outcomes.containsKey(uid) && plan.get(uid)[0].equals(exercise) && !exercise.isEmpty()) {
                        record(outcomes, plan, uid, Status.FAILED, "not run: a test of the same exercise, " + plan.get(stopped)[1]
                                + ", already failed that way");
                        excluded.add(uid);
                    }
                }
            } else if (!containers.isEmpty() && !containers.peek().equals(containers.peekLast())) {
                String container = containers.peek(); // innermost, and not the engine: a class that stopped the JVM
                failAllUnder(outcomes, plan, excluded, container, why);
                excluded.add(container);
            } else {
                stopReason = why;
                break;
            }
            if (System.nanoTime() > deadline) {
                stopReason = "not finished: the tests ran out of their total time of " + limits.totalTimeoutSeconds() + " s";
                break;
            }
            if (attempt >= MAX_RESTARTS + plan.size()) {
                stopReason = "not run: the test JVM stopped too often";
                break;
            }
            if (plan.keySet().stream().allMatch(outcomes::containsKey)) {
                break;
            }
        }
        for (String uid : plan.keySet()) {
            if (!outcomes.containsKey(uid)) {
                record(outcomes, plan, uid, Status.FAILED, stopReason != null ? stopReason : "did not run");
            }
        }
        return new ArrayList<>(outcomes.values());
    }

    private static void failAllUnder(Map<String, Outcome> outcomes, Map<String, String[]> plan, List<String> excluded,
                                     String container, String message) {
        for (String test : plan.keySet()) {
            if (test.startsWith(container) && !outcomes.containsKey(test)) {
                record(outcomes, plan, test, Status.FAILED, message);
                excluded.add(test);
            }
        }
    }

    private static void record(Map<String, Outcome> outcomes, Map<String, String[]> plan, String uid, Status status,
                               String message) {
        String[] info = plan.get(uid);
        outcomes.put(uid, new Outcome(uid, info[0], info[1], status, message));
    }

    private static String lastOutput(String output) {
        String last = output.strip();
        if (last.isEmpty()) {
            return "";
        }
        List<String> lines = last.lines().toList();
        return "\n    last output: " + String.join("\n    ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    private static List<String> readLines(Path events) throws IOException {
        if (!Files.exists(events)) {
            return List.of();
        }
        String text = Files.readString(events, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.remove(lines.size() - 1); // the last piece is empty or a line still being written
        return lines;
    }

    static String javaExecutable() {
        Path java = Path.of(System.getProperty("java.home"), "bin", File.separatorChar == '\\' ? "java.exe" : "java");
        return java.toString();
    }

    /** Drains the test JVM's output, keeping only its end, so a test that prints forever cannot fill memory or disk. */
    private static final class OutputTail extends Thread {
        private final InputStream in;
        private final StringBuilder kept = new StringBuilder();

        OutputTail(InputStream in) {
            this.in = in;
            setDaemon(true);
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    synchronized (kept) {
                        kept.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                        if (kept.length() > 2 * OUTPUT_KEPT) {
                            kept.delete(0, kept.length() - OUTPUT_KEPT);
                        }
                    }
                }
            } catch (IOException e) {
                // the process is gone: keep what we have
            }
        }

        String text() {
            synchronized (kept) {
                return kept.length() > OUTPUT_KEPT ? kept.substring(kept.length() - OUTPUT_KEPT) : kept.toString();
            }
        }
    }
}
