package kuibu.grading.policy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What exercise code may and may not use, each case compiled and checked as the grader checks a submission. */
class PolicyTest {

    /** A stand-in for the course: a referee, a class with static state, a method that reads files. */
    private static final String COURSE = """
            package kuibu.fake;
            public class Course {
                public static double shared = 1;
                public static final double[] TABLE = {1, 2};
                public static double referee(double x) { return x; }
                public static double square(double x) { return x * x; }
                public static String load(java.nio.file.Path p) { return ""; }
                public double plain(double x) { return x; }
            }
            """;

    private static final Policy POLICY = new Policy(new Policy.CourseCode(Set.of("kuibu/fake/Course"), Set.of(),
            List.of("kuibu.fake.Course.referee"), Map.of("9.9", List.of("kuibu.fake.Course.square"))));

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {
        "return Math.sqrt(x) + Math.exp(-x) * StrictMath.tanh(x);",
        "double[] a = new double[3]; a[0] = x; return a.clone()[0] + a.length;",
        "java.util.List<Double> l = new java.util.ArrayList<>(); l.add(x); return l.get(0);",
        "return java.util.stream.DoubleStream.of(x, 2 * x).map(v -> v * v).sum();",
        "java.util.function.DoubleUnaryOperator f = Math::abs; return f.applyAsDouble(x);",
        "String s = \"x = \" + x; System.out.println(s); return s.length();",
        "return new java.util.Random(42).nextGaussian() + java.util.Arrays.stream(new double[] {x}).sum();",
        "if (x < 0) throw new IllegalArgumentException(\"negative: \" + x); return x;",
        "return kuibu.fake.Course.square(x) + new kuibu.fake.Course().plain(x);",
        "record P(double a, double b) {} return new P(x, x).a();",
        "return String.format(java.util.Locale.ROOT, \"%.3f\", x).length();",
        "double[] a = {x}; System.arraycopy(a, 0, a, 0, 1); return a[0];",
    })
    void pureComputationIsAllowed(String body) throws Exception {
        assertThat(check(body, "1.1"), empty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\")); return 0;   | may not use files",
        "new java.io.FileOutputStream(\"/tmp/x\").close(); return 0;                           | may not use files",
        "new java.net.Socket(\"example.org\", 80).close(); return 0;                           | may not use the network",
        "new Thread(() -> { }).start(); return 0;                                               | may not start threads",
        "return java.util.concurrent.ThreadLocalRandom.current().nextDouble();                | may not start threads",
        "return java.util.List.of(x).parallelStream().mapToDouble(d -> d).sum();              | may not start threads",
        "double[] a = {x}; java.util.Arrays.parallelSort(a); return a[0];                      | may not start threads",
        "new ProcessBuilder(\"sh\").start(); return 0;                                           | may not start programs",
        "Runtime.getRuntime().halt(0); return 0;                                                | may not start programs",
        "System.exit(0); return 0;                                                              | only System.out",
        "return System.getProperty(\"sun.java.command\").length();                             | only System.out",
        "System.setOut(null); return 0;                                                         | only System.out",
        "return Class.forName(\"kuibu.fake.Course\").hashCode();                               | reflection",
        "return getClass().getDeclaredFields().length;                                          | reflection",
        "return java.lang.invoke.MethodHandles.lookup().hashCode();                             | reflection",
        "return new Throwable().getStackTrace().length;                                         | reflection",
        "Object o = new Object(); synchronized (o) { o.wait(1); } return 0;                    | may not start threads",
        "return kuibu.fake.Course.referee(x);                                                   | numeric referee",
        "java.util.function.DoubleUnaryOperator r = kuibu.fake.Course::referee; return r.applyAsDouble(x); | numeric referee",
        "kuibu.fake.Course.shared = x; return x;                                                | static fields",
        "kuibu.fake.Course.TABLE[0] = x; return x;                                              | static arrays",
        "return kuibu.fake.Course.load(null).length();                                          | reads or writes files",
        "return new java.util.Scanner(\"1\").nextDouble();                                      | is not among",
        "return javax.swing.UIManager.getInt(\"x\");                                            | internals",
    })
    void everythingElseIsRefusedAndNamed(String body, String why) throws Exception {
        List<Policy.Violation> found = check(body, "1.1");
        assertThat(body, found.stream().map(Policy.Violation::describe).toList(), org.hamcrest.Matchers.hasItem(containsString(why)));
        assertThat(found.get(0).file(), containsString("kuibu/fake/Student.java"));
    }

    @Test
    void anExerciseMayNotCallCodeThatHoldsItsAnswer() throws Exception {
        String body = "return kuibu.fake.Course.square(x);";
        assertThat(check(body, "1.1"), empty());
        List<Policy.Violation> found = check(body, "9.9");
        assertThat(found, hasSize(1));
        assertThat(found.get(0).describe(), containsString("exercise 9.9 may not call kuibu.fake.Course.square"));
    }

    @Test
    void onlyTheStudentsLinesAreChecked() throws Exception {
        Path classes = compile("java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\")); return 0;");
        // the same bytecode, but its lines said to be the course's: nothing to report
        assertThat(POLICY.check(classes, "1.1", (source, line) -> -1), empty());
        List<Policy.Violation> found = POLICY.check(classes, "1.1", (source, line) -> source.endsWith("Student.java") ? line + 100 : -1);
        assertThat(found.get(0).line() > 100, org.hamcrest.Matchers.equalTo(true));
    }

    private List<Policy.Violation> check(String body, String exercise) throws Exception {
        return POLICY.check(compile(body), exercise, (source, line) -> source.equals("kuibu/fake/Student.java") ? line : -1);
    }

    private Path compile(String body) throws Exception {
        Path src = temp.resolve("src");
        Path course = src.resolve("kuibu/fake/Course.java");
        Path student = src.resolve("kuibu/fake/Student.java");
        Files.createDirectories(course.getParent());
        Files.writeString(course, COURSE, StandardCharsets.UTF_8);
        Files.writeString(student, "package kuibu.fake;\nclass Student {\n    double answer(double x) throws Exception {\n        "
                + body + "\n    }\n}\n", StandardCharsets.UTF_8);
        Path out = temp.resolve("classes-" + Math.abs(body.hashCode()));
        Files.createDirectories(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-nowarn", "-d", out.toString(),
                course.toString(), student.toString()));
        int rc = javac.run(null, null, new java.io.ByteArrayOutputStream(), args.toArray(String[]::new));
        assertThat("compiles: " + body, rc, org.hamcrest.Matchers.equalTo(0));
        return out;
    }
}
