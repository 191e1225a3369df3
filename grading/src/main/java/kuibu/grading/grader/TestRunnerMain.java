package kuibu.grading.grader;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.AnnotatedElement;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kuibu.grading.Exercise;
import kuibu.grading.Hint;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The test JVM's main class: runs the graded tests of a batch and reports, line by line and flushed at
 * once, what it plans to run, what starts and how it ends. If student code takes the JVM down, the
 * grader sees which test was running, counts it as failed and starts a new JVM for the tests that are
 * left.
 *
 * <p>The batch file has one line per run: a label, the exercise whose tests to run (empty: all of
 * them), a class path and the test classes (comma-separated), separated by tabs. Each run gets a class
 * loader of its own, so one exercise's classes (the submission's version of a course class, say) never
 * meet another's. Only tests tagged {@code exercise} (that is, annotated {@link Exercise}) run.
 *
 * <p>The first line of standard input is the key that signs the report ({@link SignedLines}); it is read
 * before any class of the batch is loaded. Report lines, fields separated by tabs, escaped by
 * {@link #escape}: {@code PLAN uid exercise name}, {@code START uid}, {@code RESULT uid status message},
 * {@code ERROR message}, {@code DONE}; test ids start with "label|".
 */
public final class TestRunnerMain {

    private TestRunnerMain() {}

    public static void main(String[] args) throws IOException {
        SignedLines signer = SignedLines.withKey(new java.io.BufferedReader(
                new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine());
        System.in.close();
        System.setIn(new java.io.ByteArrayInputStream(new byte[0]));
        Path events = null;
        Path exclude = null;
        Path batch = null;
        String timeout = "30";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> events = Path.of(args[++i]);
                case "--exclude" -> exclude = Path.of(args[++i]);
                case "--timeout" -> timeout = args[++i];
                case "--batch" -> batch = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Set<String> excluded = exclude != null && Files.exists(exclude)
                ? new HashSet<>(Files.readAllLines(exclude, StandardCharsets.UTF_8)) : Set.of();
        PrintWriter writer = new PrintWriter(Files.newBufferedWriter(events, StandardCharsets.UTF_8), true);
        Report out = text -> {
            synchronized (writer) {
                writer.println(signer.sign(text));
            }
        };
        for (String line : Files.readAllLines(batch, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            List<URL> urls = new ArrayList<>();
            for (String entry : f[2].split(File.pathSeparator)) {
                urls.add(Path.of(entry).toUri().toURL());
            }
            URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), TestRunnerMain.class.getClassLoader());
            Thread.currentThread().setContextClassLoader(loader);
            List<ClassSelector> selectors = new ArrayList<>();
            for (String type : f[3].split(",")) {
                try {
                    selectors.add(selectClass(Class.forName(type, false, loader)));
                } catch (ClassNotFoundException | LinkageError e) {
                    out.println("ERROR\t" + escape(f[0] + ": cannot load " + type + ": " + e));
                }
            }
            run(f[0] + "|", selectors, f[1].isEmpty() ? Set.of() : Set.of(f[1]), excluded, timeout, out);
        }
        out.println("DONE");
        Runtime.getRuntime().halt(0); // student code may have left threads running
    }

    /** Where the report goes: one signed line at a time. */
    @FunctionalInterface
    private interface Report {
        void println(String text);
    }

    /** Runs the exercise tests {@code classes} select, reporting each test's unique id with {@code prefix} before it. */
    private static void run(String prefix, List<ClassSelector> classes, Set<String> onlyExercises, Set<String> excluded,
                            String timeout, Report out) {
        PostDiscoveryFilter notExcluded = descriptor -> {
            for (Optional<TestDescriptor> d = Optional.of(descriptor); d.isPresent(); d = d.get().getParent()) {
                if (excluded.contains(prefix + d.get().getUniqueId())) {
                    return FilterResult.excluded("done in an earlier run");
                }
            }
            return FilterResult.included("not run yet");
        };
        PostDiscoveryFilter onlyThese = descriptor -> {
            if (onlyExercises.isEmpty() || !descriptor.isTest()) {
                return FilterResult.included("all exercises");
            }
            String id = exerciseOf(descriptor.getSource().orElse(null)).map(Exercise::id).orElse("");
            return onlyExercises.contains(id) ? FilterResult.included(id) : FilterResult.excluded("another exercise");
        };
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(classes)
                .filters(TagFilter.includeTags("exercise"), notExcluded, onlyThese)
                .configurationParameter("junit.jupiter.execution.timeout.default", timeout + " s")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .build();

        Launcher launcher = LauncherFactory.create();
        TestPlan plan = launcher.discover(request);
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier test : plan.getDescendants(root)) {
                if (test.isTest()) {
                    out.println(String.join("\t", "PLAN", escape(prefix + test.getUniqueId()), exerciseIdOf(plan, test),
                            escape(nameOf(plan, test))));
                }
            }
        }
        launcher.execute(plan, new TestExecutionListener() {
            private TestPlan running;

            @Override
            public void testPlanExecutionStarted(TestPlan testPlan) {
                running = testPlan;
            }

            @Override
            public void dynamicTestRegistered(TestIdentifier test) {
                if (test.isTest()) {
                    out.println(String.join("\t", "PLAN", escape(prefix + test.getUniqueId()), exerciseIdOf(running, test),
                            escape(nameOf(running, test))));
                }
            }

            @Override
            public void executionStarted(TestIdentifier test) {
                out.println("START\t" + escape(prefix + test.getUniqueId()));
            }

            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                String message = result.getThrowable().map(t -> describe(t, hintOf(running, test))).orElse("");
                out.println(String.join("\t", "RESULT", escape(prefix + test.getUniqueId()), result.getStatus().name(),
                        escape(message)));
            }

            @Override
            public void executionSkipped(TestIdentifier test, String reason) {
                out.println(String.join("\t", "RESULT", escape(prefix + test.getUniqueId()), "SKIPPED",
                        escape("skipped: " + reason)));
            }
        });
    }

    /** The id of the exercise {@code test} belongs to, from its method, its class or an enclosing one. */
    private static String exerciseIdOf(TestPlan plan, TestIdentifier test) {
        for (Optional<TestIdentifier> t = Optional.of(test); t.isPresent(); t = plan.getParent(t.get())) {
            Optional<Exercise> exercise = exerciseOf(t.get().getSource().orElse(null));
            if (exercise.isPresent()) {
                return exercise.get().id();
            }
        }
        return "";
    }

    private static Optional<Exercise> exerciseOf(TestSource source) {
        try {
            if (source instanceof MethodSource method) {
                Optional<Exercise> onMethod = annotation(method.getJavaMethod());
                return onMethod.isPresent() ? onMethod : annotationOfClass(method.getJavaClass());
            }
            if (source instanceof ClassSource type) {
                return annotationOfClass(type.getJavaClass());
            }
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Exercise> annotationOfClass(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            Optional<Exercise> found = annotation(c);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Exercise> annotation(AnnotatedElement element) {
        return Optional.ofNullable(element.getAnnotation(Exercise.class));
    }

    /** "ClassName > method()" or, for a dynamic test, "ClassName > factory() > name". */
    private static String nameOf(TestPlan plan, TestIdentifier test) {
        List<String> parts = new ArrayList<>();
        for (Optional<TestIdentifier> t = Optional.of(test); t.isPresent(); t = plan.getParent(t.get())) {
            if (t.get().getSource().isEmpty() && t.get().getParentId().isEmpty()) {
                break; // the engine
            }
            parts.add(0, t.get().getDisplayName());
        }
        return String.join(" > ", parts);
    }

    /** The test's {@link Hint}, from its method, its class or an enclosing one; "" when it has none. */
    private static String hintOf(TestPlan plan, TestIdentifier test) {
        try {
            TestSource source = test.getSource().orElse(null);
            if (source instanceof MethodSource method) {
                Hint own = method.getJavaMethod().getAnnotation(Hint.class);
                if (own != null) {
                    return own.value();
                }
                for (Class<?> c = method.getJavaClass(); c != null; c = c.getEnclosingClass()) {
                    Hint onClass = c.getAnnotation(Hint.class);
                    if (onClass != null) {
                        return onClass.value();
                    }
                }
            }
        } catch (RuntimeException | LinkageError e) {
            return "";
        }
        return "";
    }

    /** What went wrong, for a student, without a hint of the test's. */
    static String describe(Throwable thrown) {
        return describe(thrown, "");
    }

    /**
     * What went wrong, for a student: the exception's message, where in the student's code it came from,
     * and, when the code threw instead of an assertion failing, the test's {@link Hint} or what such an
     * exception usually means.
     */
    static String describe(Throwable thrown, String testHint) {
        StringBuilder text = new StringBuilder();
        Throwable stub = stubIn(thrown);
        if (stub != null) {
            // the student edition's stub, also where a test expected another exception (assertThrows)
            return "not written yet: " + stub.getMessage();
        }
        if (thrown instanceof AssertionError && thrown.getMessage() != null) {
            text.append(thrown.getMessage().strip());
        } else if (thrown instanceof StackOverflowError) {
            text.append("java.lang.StackOverflowError: the call stack overflowed (a recursion that never stops?)");
        } else {
            text.append(thrown);
            String why = testHint.isEmpty() ? usually(thrown) : testHint;
            if (!why.isEmpty()) {
                text.append(" (").append(why).append(")");
            }
        }
        int frames = 0;
        for (StackTraceElement frame : thrown.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith("kuibu.") && !type.startsWith("kuibu.grading.") && !type.endsWith("Test")
                    && !type.contains("Test$")) {
                if (!(thrown instanceof AssertionError) && frames < 3) {
                    text.append("\n    at ").append(frame);
                    frames++;
                }
            }
        }
        if (thrown.getCause() != null && thrown.getCause() != thrown && !(thrown instanceof AssertionError)) {
            text.append("\ncaused by ").append(thrown.getCause());
        }
        String result = text.toString();
        return result.length() > 2000 ? result.substring(0, 2000) + " ..." : result;
    }

    /** What an exception thrown by exercise code usually means, or "". */
    static String usually(Throwable thrown) {
        if (thrown instanceof ArrayIndexOutOfBoundsException) {
            return "an index past the end of an array: are two indices swapped (w[k][j] for w[j][k]), or does a loop run over "
                    + "the sizes of another layer?";
        } else if (thrown instanceof NullPointerException) {
            return "something used before it was given a value: an array or object that is still null";
        } else if (thrown instanceof NegativeArraySizeException) {
            return "an array made with a negative size";
        } else if (thrown instanceof ArithmeticException) {
            return "an integer division by zero: should this be a division of doubles?";
        } else if (thrown instanceof ClassCastException) {
            return "a value cast to a type it does not have";
        }
        return "";
    }

    /** The student edition's stub ("Exercise 1.1 is yours to write: see ...") in {@code thrown} or its causes, or null. */
    private static Throwable stubIn(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnsupportedOperationException && t.getMessage() != null && t.getMessage().contains(" is yours to write")) {
                return t;
            }
        }
        return null;
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "");
    }

    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
