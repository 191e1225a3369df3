package kuibu.grading.grader;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs graded tests in a separate JVM (heap limit, per-test timeout, time limit for the whole run)
 * and survives whatever the code under test does. A test that loops past its time, calls
 * {@code System.exit}, or runs out of memory is counted as failed with a message saying so, and a
 * new JVM runs the tests that are left; the other tests are not affected.
 *
 * <p>The grader decides what ran. When it gives the plan (the tests the course's own solutions ran), a
 * test counts as passed only when the test JVM's signed report ({@link SignedLines}) says so; a planned
 * test that was skipped, aborted or never reported fails, and whatever the JVM reports about tests
 * outside the plan is ignored. A report line that is not correctly signed means the report was tampered
 * with: nothing after it counts.
 */
final class TestProcess {

    /** The limits of one run. */
    record Limits(int testTimeoutSeconds, int totalTimeoutSeconds, String heap) {}

    /** A test the grader expects to run: the exercise it belongs to and its name. */
    record Planned(String exercise, String name) {}

    /** How one test ended. */
    record Outcome(String uid, String exercise, String name, Status status, String message) {
        boolean failed() {
            return status == Status.FAILED;
        }
    }

    /** SKIPPED only for a run without a plan (the course's own reference run); with a plan, a skipped test fails. */
    enum Status { PASSED, FAILED, SKIPPED }

    private static final int GRACE_SECONDS = 2;
    private static final int MAX_RESTARTS = 20;
    private static final int OUTPUT_KEPT = 8192;

    private TestProcess() {}

    /**
     * Runs the batch (see {@link TestRunnerMain}) with {@code classpath} in {@code workDir} and returns
     * every test's outcome, in plan order. With {@code plan} null the tests the JVM discovers are the plan
     * (for the course's own code, which is trusted). The JVM runs in {@code sandbox}, seeing
     * {@code visible} (the batch's classes) read-only and writing only {@code workDir}.
     */
    static List<Outcome> runBatch(List<Path> classpath, Path batch, Map<String, Planned> plan, Limits limits, Path workDir,
                                  Sandbox sandbox, List<Path> visible) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        boolean learn = plan == null;
        Map<String, Planned> planned = learn ? new LinkedHashMap<>() : new LinkedHashMap<>(plan);
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        List<String> excluded = new ArrayList<>();
        long deadline = System.nanoTime() + limits.totalTimeoutSeconds() * 1_000_000_000L;
        String stopReason = null;
        for (int attempt = 0; ; attempt++) {
            Path events = workDir.resolve("events-" + attempt + ".txt");
            Path exclude = workDir.resolve("exclude-" + attempt + ".txt");
            Files.write(exclude, excluded, StandardCharsets.UTF_8);
            List<String> jvm = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + limits.heap(), "-Xss2m",
                    "-XX:MaxDirectMemorySize=16m", "-XX:MaxMetaspaceSize=256m",
                    "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                    "-Djava.io.tmpdir=" + workDir,
                    "-cp", classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                    TestRunnerMain.class.getName(), "--events", events.toString(), "--exclude", exclude.toString(),
                    "--timeout", String.valueOf(limits.testTimeoutSeconds()), "--batch", batch.toString()));
            String key = SignedLines.newKey();
            SignedLines checker = SignedLines.withKey(key);
            sandbox.prepareWritable(workDir);
            Process process = new ProcessBuilder(sandbox.wrap(jvm, visible, workDir)).directory(workDir.toFile())
                    .redirectErrorStream(true).start();
            try (var stdin = process.getOutputStream()) {
                stdin.write((key + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the JVM is already gone: its exit code says why
            }
            OutputTail tail = new OutputTail(process.getInputStream());
            tail.start();

            String running = null;
            Deque<String> containers = new ArrayDeque<>();
            long runningSince = System.nanoTime();
            String killedFor = null;
            boolean tampered = false;
            boolean done = false;
            int linesRead = 0;
            while (true) {
                boolean exited = process.waitFor(100, TimeUnit.MILLISECONDS);
                List<String> lines = readLines(events);
                for (; linesRead < lines.size() && !tampered && !done; linesRead++) {
                    String text = checker.verify(lines.get(linesRead));
                    if (text == null) {
                        tampered = true;
                        break;
                    }
                    String[] f = text.split("\t", -1);
                    switch (f[0]) {
                        case "PLAN" -> {
                            if (learn) {
                                planned.putIfAbsent(TestRunnerMain.unescape(f[1]), new Planned(f[2], TestRunnerMain.unescape(f[3])));
                            }
                        }
                        case "START" -> {
                            String uid = TestRunnerMain.unescape(f[1]);
                            if (planned.containsKey(uid)) {
                                running = uid;
                                runningSince = System.nanoTime();
                            } else {
                                containers.push(uid);
                            }
                        }
                        case "RESULT" -> {
                            String uid = TestRunnerMain.unescape(f[1]);
                            String message = TestRunnerMain.unescape(f[3]);
                            if (planned.containsKey(uid)) {
                                if (!outcomes.containsKey(uid)) {
                                    record(outcomes, planned, uid, status(f[2], learn), f[2].equals("SUCCESSFUL") ? ""
                                            : f[2].equals("FAILED") || learn ? message
                                            : message + " (an exercise test that does not run to its end counts as failed)");
                                }
                                excluded.add(uid);
                                running = null;
                            } else {
                                containers.remove(uid);
                                if (f[2].equals("FAILED")) { // a class that could not start: its tests all fail with its reason
                                    failAllUnder(outcomes, planned, excluded, uid, message);
                                }
                            }
                        }
                        case "DONE" -> done = true;
                        default -> { }
                    }
                }
                if (exited || tampered) {
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
                    break;
                }
            }
            kill(process);
            tail.join(2000);
            if (tampered) {
                stopReason = "not counted: the test JVM's report was tampered with (a line not written by the grader's "
                        + "test runner), so nothing it said after that can be trusted";
                break;
            }
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
                record(outcomes, planned, running, Status.FAILED, why);
                excluded.add(running);
                // the exercise has failed (all or nothing): don't pay for its other tests looping or crashing too
                String exercise = planned.get(running).exercise();
                String stopped = running;
                for (String uid : planned.keySet()) {
                    if (!outcomes.containsKey(uid) && planned.get(uid).exercise().equals(exercise) && !exercise.isEmpty()
                            && sameRun(uid, stopped)) {
                        record(outcomes, planned, uid, Status.FAILED, "not run: a test of the same exercise, "
                                + planned.get(stopped).name() + ", already failed that way");
                        excluded.add(uid);
                    }
                }
            } else if (!containers.isEmpty() && !isEngine(containers.peek())) {
                String container = containers.peek(); // innermost, and not the engine: a class that stopped the JVM
                failAllUnder(outcomes, planned, excluded, container, why);
                excluded.add(container);
            } else {
                stopReason = why;
                break;
            }
            if (System.nanoTime() > deadline) {
                stopReason = "not finished: the tests ran out of their total time of " + limits.totalTimeoutSeconds() + " s";
                break;
            }
            if (attempt >= MAX_RESTARTS + planned.size()) {
                stopReason = "not run: the test JVM stopped too often";
                break;
            }
            if (!learn && planned.keySet().stream().allMatch(outcomes::containsKey)) {
                break;
            }
        }
        for (String uid : planned.keySet()) {
            if (!outcomes.containsKey(uid)) {
                record(outcomes, planned, uid, Status.FAILED, stopReason != null ? stopReason : "did not run");
            }
        }
        List<Outcome> ordered = new ArrayList<>();
        for (String uid : planned.keySet()) {
            ordered.add(outcomes.get(uid));
        }
        return ordered;
    }

    /** The process and everything it started, stopped for good. */
    private static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
    }

    private static Status status(String reported, boolean learn) {
        return switch (reported) {
            case "SUCCESSFUL" -> Status.PASSED;
            case "FAILED" -> Status.FAILED;
            default -> learn ? Status.SKIPPED : Status.FAILED;
        };
    }

    /** Whether two test ids belong to the same run of a batch (same label). */
    private static boolean sameRun(String a, String b) {
        return a.substring(0, a.indexOf('|') + 1).equals(b.substring(0, b.indexOf('|') + 1));
    }

    /** The JUnit engine's own id (no class of a run): a failure there is no class's fault. */
    private static boolean isEngine(String uid) {
        return !uid.contains("/[class:") && !uid.contains("/[nested-class:");
    }

    private static void failAllUnder(Map<String, Outcome> outcomes, Map<String, Planned> plan, List<String> excluded,
                                     String container, String message) {
        for (String test : plan.keySet()) {
            if (test.startsWith(container) && !outcomes.containsKey(test)) {
                record(outcomes, plan, test, Status.FAILED, message);
                excluded.add(test);
            }
        }
    }

    private static void record(Map<String, Outcome> outcomes, Map<String, Planned> plan, String uid, Status status,
                               String message) {
        Planned info = plan.get(uid);
        outcomes.put(uid, new Outcome(uid, info.exercise(), info.name(), status, message));
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
