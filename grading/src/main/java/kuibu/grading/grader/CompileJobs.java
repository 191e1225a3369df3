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
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Compiles a submission's sources in a JVM of its own ({@link CompilerMain}), in the sandbox, with a heap
 * limit and a time limit per job: a source made to exhaust the compiler (a string constant doubled forty
 * times, say) costs the exercise it is in, never the grader's memory or the other submissions.
 */
final class CompileJobs {

    /** One compilation: its sources into {@code out} against {@code classpath}. */
    record Job(String id, Path out, List<Path> classpath, List<Path> sources) {}

    /** One compiler error: the file and line javac names (line 0: none) and its message. */
    record Error(Path file, long line, String message) {}

    /** How a job ended: compiled, or its errors (or why it could not finish, as an error with no file). */
    record Result(boolean ok, List<Error> errors) {}

    private static final int MAX_RESTARTS = 10;

    private CompileJobs() {}

    /**
     * Runs {@code jobs}, writing in {@code dir} (the jobs' output folders are under it), the compiler's
     * JVM limited to {@code heap}, {@code secondsPerJob} and, for all of them, {@code secondsInAll}.
     */
    static Map<String, Result> run(List<Job> jobs, List<Path> toolClasspath, String heap, int secondsPerJob, int secondsInAll,
                                   Path dir, Sandbox sandbox, List<Path> visible) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + secondsInAll * 1_000_000_000L;
        Map<String, Result> results = new LinkedHashMap<>();
        if (jobs.isEmpty()) {
            return results;
        }
        Files.createDirectories(dir);
        Path jobFile = dir.resolve("compile-jobs.txt");
        List<String> lines = new ArrayList<>();
        for (Job job : jobs) {
            lines.add(String.join("\t", job.id(), job.out().toString(), join(job.classpath()), join(job.sources())));
        }
        Files.write(jobFile, lines, StandardCharsets.UTF_8);
        Map<String, List<Error>> errors = new LinkedHashMap<>();
        for (int attempt = 0; results.size() < jobs.size() && attempt <= MAX_RESTARTS && System.nanoTime() < deadline; attempt++) {
            Path report = dir.resolve("compile-report-" + attempt + ".txt");
            Path done = dir.resolve("compile-done-" + attempt + ".txt");
            Files.write(done, results.keySet(), StandardCharsets.UTF_8);
            List<String> java = List.of(TestProcess.javaExecutable(), "-Xmx" + heap, "-Xss4m", "-XX:+ExitOnOutOfMemoryError",
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", join(toolClasspath), CompilerMain.class.getName(),
                    jobFile.toString(), report.toString(), done.toString());
            Process process = new ProcessBuilder(sandbox.wrap(java, visible, dir)).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            String running = null;
            long since = System.nanoTime();
            int read = 0;
            String killed = null;
            while (true) {
                boolean exited = process.waitFor(100, TimeUnit.MILLISECONDS);
                List<String> reported = readLines(report);
                for (; read < reported.size(); read++) {
                    String[] f = reported.get(read).split("\t", -1);
                    String id = TestRunnerMain.unescape(f[1]);
                    switch (f[0]) {
                        case "START" -> {
                            running = id;
                            since = System.nanoTime();
                        }
                        case "ERROR" -> errors.computeIfAbsent(id, k -> new ArrayList<>()).add(new Error(
                                f[2].isEmpty() ? null : Path.of(TestRunnerMain.unescape(f[2])), Long.parseLong(f[3]),
                                TestRunnerMain.unescape(f[4])));
                        case "END" -> {
                            results.put(id, new Result(f[2].equals("ok"), List.copyOf(errors.getOrDefault(id, List.of()))));
                            running = null;
                        }
                        default -> { }
                    }
                }
                if (exited) {
                    break;
                }
                if (running != null && System.nanoTime() - since > secondsPerJob * 1_000_000_000L) {
                    killed = "the compiler ran out of time (" + secondsPerJob + " s) on this code";
                    break;
                }
                if (System.nanoTime() > deadline) {
                    killed = "the compiler ran out of the time for all of this submission's code (" + secondsInAll + " s)";
                    break;
                }
                if (running == null && System.nanoTime() - since > 4L * secondsPerJob * 1_000_000_000L) {
                    killed = "the compiler did not start";
                    break;
                }
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
            if (running != null) {
                String why = killed != null ? killed : process.exitValue() == 3
                        ? "the compiler ran out of memory (" + heap + ") on this code" : "the compiler stopped (exit code " + process.exitValue() + ")";
                results.put(running, new Result(false, List.of(new Error(null, 0, why))));
            } else if (results.size() < jobs.size() && process.exitValue() != 0) {
                for (Job job : jobs) {
                    results.putIfAbsent(job.id(), new Result(false, List.of(new Error(null, 0,
                            "the compiler could not run (exit code " + process.exitValue() + ")"))));
                }
            }
        }
        for (Job job : jobs) {
            results.putIfAbsent(job.id(), new Result(false, List.of(new Error(null, 0, System.nanoTime() > deadline
                    ? "not compiled: the compiler ran out of the time for all of this submission's code (" + secondsInAll + " s)"
                    : "the compiler stopped too often"))));
        }
        return results;
    }

    private static String join(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static List<String> readLines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n", -1)));
        lines.remove(lines.size() - 1);
        return lines;
    }
}
