package kuibu.grading.grader;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kuibu.grading.Course;
import kuibu.grading.CourseException;
import kuibu.grading.FileTrees;
import kuibu.grading.JavaSource;
import kuibu.grading.Stubs;

/**
 * The course as the grader holds it for a whole grading run, read and compiled once, before any student
 * code runs: the text of every main file, the compiled solutions and exercise tests, the names the course
 * uses, and the plan (every exercise test the course's own solutions pass, which is what a submission
 * must pass). Nothing is read from the course folder after this, so a submission that reaches the folder
 * cannot change how the others are graded; its checksum, taken here, is compared at the end.
 */
final class Reference {

    private final Course course;
    private final Path dir;
    private final Map<String, Map<String, String>> mainTexts = new LinkedHashMap<>(); // module -> file -> text
    private final Map<String, JavaSource> solutions = new LinkedHashMap<>();         // module/file -> parsed
    private final Map<String, JavaSource> stubs = new LinkedHashMap<>();
    private final Map<String, Set<String>> reservedNames = new TreeMap<>();          // package -> simple names
    private final Map<String, Path> classes = new LinkedHashMap<>();
    private final Map<String, Path> testClasses = new LinkedHashMap<>();
    private final Map<String, List<String>> testClassNames = new LinkedHashMap<>();
    private final Map<String, Map<String, TestProcess.Planned>> plan = new LinkedHashMap<>(); // exercise -> uid -> test
    private final String checksum;

    private Reference(Course course, Path dir) throws IOException {
        this.course = course;
        this.dir = dir;
        this.checksum = checksum(course.root());
    }

    /** References built in this JVM, by what they were built from, kept until it ends. */
    private static final Map<String, Reference> BUILT = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The reference of {@code course}: built once per JVM for the same course (files, chapters) and class
     * path, in a folder of its own that is removed when the JVM ends. Several gradings in one JVM (the
     * self-checks) then pay for compiling the course and learning the plan once.
     */
    static synchronized Reference of(Course course, List<Path> toolClasspath, TestProcess.Limits limits)
            throws IOException, InterruptedException, CourseException {
        String key = checksum(course.root()) + "|" + course.chapters().stream().map(c -> c.module() + c.exercises())
                .collect(Collectors.joining(",")) + "|" + toolClasspath;
        Reference known = BUILT.get(key);
        if (known != null && Files.isDirectory(known.dir)) {
            return known;
        }
        Path dir = Files.createTempDirectory("kuibu-reference-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> kuibu.grading.StudentEdition.deleteTree(dir)));
        Reference built = build(course, toolClasspath, limits, dir.resolve("course"));
        BUILT.put(key, built);
        return built;
    }

    /**
     * Reads and compiles {@code course} (which must hold its solutions) into {@code dir}, and runs its
     * exercise tests once on its own solutions to learn the plan.
     */
    static Reference build(Course course, List<Path> toolClasspath, TestProcess.Limits limits, Path dir)
            throws IOException, InterruptedException, CourseException {
        Reference ref = new Reference(course, dir);
        List<String> batch = new ArrayList<>();
        for (Course.Chapter chapter : course.chapters()) {
            ref.read(chapter);
            List<Path> classpath = new ArrayList<>(toolClasspath);
            classpath.addAll(ref.classesOf(course.dependencies(chapter, false)));
            Path out = dir.resolve(chapter.module()).resolve("classes");
            require(JavaCompilation.compile(Course.javaFiles(chapter.mainJava()), classpath, null, out, course.root()),
                    chapter.module() + " (main)");
            FileTrees.copy(chapter.dir().resolve("src/main/resources"), out);
            ref.classes.put(chapter.module(), out);
            if (chapter.exercises().isEmpty()) {
                continue;
            }
            List<String> types = chapter.exercises().stream().flatMap(e -> e.testClasses().stream()).distinct().toList();
            List<Path> testSources = types.stream().map(t -> chapter.testJava().resolve(t.replace('.', '/') + ".java")).toList();
            List<Path> testClasspath = new ArrayList<>(toolClasspath);
            testClasspath.add(out);
            testClasspath.addAll(ref.classesOf(course.dependencies(chapter, true)));
            Path tests = dir.resolve(chapter.module()).resolve("test-classes");
            require(JavaCompilation.compile(testSources, testClasspath, chapter.testJava(), tests, course.root()),
                    chapter.module() + " (tests)");
            FileTrees.copy(chapter.dir().resolve("src/test/resources"), tests);
            ref.testClasses.put(chapter.module(), tests);
            ref.testClassNames.put(chapter.module(), types);
            batch.add(String.join("\t", chapter.module(), "", join(ref.classpathFor(chapter.module(), null)), String.join(",", types)));
        }
        ref.learnPlan(toolClasspath, batch, limits);
        return ref;
    }

    private void read(Course.Chapter chapter) throws IOException, CourseException {
        Map<String, String> texts = new TreeMap<>();
        for (Path file : Course.javaFiles(chapter.mainJava())) {
            String rel = FileTrees.slashes(chapter.mainJava().relativize(file));
            String text = Files.readString(file, StandardCharsets.UTF_8);
            texts.put(rel, text);
            reserve(JavaSource.parse(rel, text), rel);
            if (chapter.solutionFiles().containsKey(rel)) {
                solutions.put(chapter.module() + "/" + rel, JavaSource.parse(rel, text));
                stubs.put(chapter.module() + "/" + rel, JavaSource.parse(rel, Stubs.stubbed(course, chapter, rel, id -> true)));
            }
        }
        mainTexts.put(chapter.module(), texts);
        for (Path file : Course.javaFiles(chapter.testJava())) {
            String rel = FileTrees.slashes(chapter.testJava().relativize(file));
            reserve(JavaSource.parse(rel, Files.readString(file, StandardCharsets.UTF_8)), rel);
        }
    }

    /** Every top-level type of the course, and the file names, are names a submission may not take. */
    private void reserve(JavaSource source, String rel) {
        int slash = rel.lastIndexOf('/');
        String pkg = slash < 0 ? "" : rel.substring(0, slash).replace('/', '.');
        Set<String> names = reservedNames.computeIfAbsent(pkg, k -> new HashSet<>());
        names.addAll(source.topLevelTypes());
        names.add(rel.substring(slash + 1, rel.length() - ".java".length()));
    }

    /** Runs the exercise tests on the course's own solutions: the tests that pass are the plan. */
    private void learnPlan(List<Path> toolClasspath, List<String> batch, TestProcess.Limits limits)
            throws IOException, InterruptedException, CourseException {
        Path run = dir.resolve("reference-run");
        Files.createDirectories(run);
        Path batchFile = run.resolve("batch.txt");
        Files.write(batchFile, batch, StandardCharsets.UTF_8);
        List<TestProcess.Outcome> outcomes = TestProcess.runBatch(toolClasspath, batchFile, null, limits, run, Sandbox.none(),
                List.of());
        List<String> failures = new ArrayList<>();
        for (TestProcess.Outcome o : outcomes) {
            if (o.status() == TestProcess.Status.FAILED) {
                failures.add("exercise " + o.exercise() + ", " + o.name() + ": " + o.message().lines().findFirst().orElse(""));
            } else if (o.status() == TestProcess.Status.PASSED) {
                String uid = o.uid().substring(o.uid().indexOf('|') + 1);
                plan.computeIfAbsent(o.exercise(), k -> new LinkedHashMap<>()).put(uid, new TestProcess.Planned(o.exercise(), o.name()));
            }
        }
        if (!failures.isEmpty()) {
            throw new CourseException("the course's own solutions fail " + failures.size() + " exercise test(s), so nothing can be "
                    + "graded fairly:\n  " + String.join("\n  ", failures.subList(0, Math.min(10, failures.size()))));
        }
        for (Course.ExerciseDef e : course.exercises()) {
            if (!plan.containsKey(e.id())) {
                throw new CourseException("exercise " + e.id() + " has no test that passes on the course's own solution");
            }
        }
    }

    Course course() {
        return course;
    }

    Path dir() {
        return dir;
    }

    /** The files of {@code module}'s main code, relative to {@code src/main/java}. */
    Set<String> mainFiles(String module) {
        return mainTexts.getOrDefault(module, Map.of()).keySet();
    }

    String mainText(String module, String file) {
        return mainTexts.get(module).get(file);
    }

    JavaSource solutionSource(String module, String file) {
        return solutions.get(module + "/" + file);
    }

    JavaSource stubSource(String module, String file) {
        return stubs.get(module + "/" + file);
    }

    /** Whether a new type {@code simpleName} in {@code pkg} would take a name the course (main code or tests) uses. */
    boolean isReservedName(String pkg, String simpleName) {
        return reservedNames.getOrDefault(pkg, Set.of()).contains(simpleName);
    }

    /** Every class name the course's tests use (exercise tests, their support), for checks of what a submission compiled. */
    boolean isTestClass(String binaryName) {
        String top = binaryName.contains("$") ? binaryName.substring(0, binaryName.indexOf('$')) : binaryName;
        int dot = top.lastIndexOf('.');
        String pkg = dot < 0 ? "" : top.substring(0, dot);
        return reservedNames.getOrDefault(pkg, Set.of()).contains(top.substring(dot + 1))
                && testClasses.values().stream().anyMatch(d -> Files.exists(d.resolve(binaryName.replace('.', '/') + ".class")));
    }

    /** The compiled course solutions of {@code module}. */
    Path classes(String module) {
        return classes.get(module);
    }

    private List<Path> classesOf(List<Course.Chapter> chapters) {
        return chapters.stream().map(c -> classes.get(c.module())).toList();
    }

    private Course.Chapter chapter(String module) {
        return course.chapters().stream().filter(c -> c.module().equals(module)).findFirst().orElseThrow();
    }

    /** The compiled solutions {@code module}'s main code sees: its own and those of the chapters its pom depends on. */
    List<Path> mainClasspath(String module) {
        List<Path> path = new ArrayList<>();
        path.add(classes.get(module));
        path.addAll(classesOf(course.dependencies(chapter(module), false)));
        return path;
    }

    /**
     * The class path of {@code module}'s exercise tests: the tests, then {@code own} (a submission's version
     * of some of the chapter's classes, found first; null for none), then the course's compiled chapter and
     * those its tests depend on.
     */
    List<Path> classpathFor(String module, Path own) {
        List<Path> path = new ArrayList<>();
        path.add(testClasses.get(module));
        if (own != null) {
            path.add(own);
        }
        path.add(classes.get(module));
        path.addAll(classesOf(course.dependencies(chapter(module), true)));
        return path;
    }

    List<String> testClassNames(String module) {
        return testClassNames.getOrDefault(module, List.of());
    }

    /** The exercise tests of {@code exercise} that a submission must pass, by unique id (without a batch label). */
    Map<String, TestProcess.Planned> plan(String exercise) {
        return plan.getOrDefault(exercise, Map.of());
    }

    /** Everything the test and compiler JVMs may read of the reference: compiled chapters and tests. */
    List<Path> readable() {
        List<Path> all = new ArrayList<>(classes.values());
        all.addAll(testClasses.values());
        return all;
    }

    /** The policy for the exercises of {@code module}: the course's classes up to that chapter, and its rules. */
    kuibu.grading.policy.Policy policy(String module) throws IOException {
        return kuibu.grading.policy.Policy.forCourse(mainClasspath(module), source -> true);
    }

    /** The checksum of the course folder when the run began. */
    String checksum() {
        return checksum;
    }

    /**
     * A checksum of every file of the course folder but build output and version control: the same
     * before and after grading, or the course was changed while it graded.
     */
    static String checksum(Path root) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> !isBuildOutput(root.relativize(p))).filter(Files::isRegularFile).sorted().toList()) {
                digest.update(FileTrees.slashes(root.relativize(f)).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(f));
                digest.update((byte) 0);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static boolean isBuildOutput(Path rel) {
        for (Path part : rel) {
            String name = part.toString();
            if (name.equals("target") || name.equals(".git")) {
                return true;
            }
        }
        return false;
    }

    private static void require(JavaCompilation.Result result, String what) throws CourseException {
        if (!result.ok()) {
            throw new CourseException("the course's " + what + " does not compile:\n" + result.errors());
        }
    }

    private static String join(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}
