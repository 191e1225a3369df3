package kuibu.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The course as the tools see it, read from its sources alone: the chapter modules in order, their
 * exercises (from the {@code @Exercise} annotations of their tests) and their solution regions.
 *
 * <p>Nothing here needs the chapters compiled, so the grading module, built first, can work on any
 * copy of the course: the instructor's, a student edition, a student's working copy. A chapter is
 * any folder {@code chapterNN-topic} with a {@code src} folder; new chapters are picked up as they
 * appear.
 */
public final class Course {

    /** One graded exercise: where its tests are and what it is worth. */
    public record ExerciseDef(String id, int points, String module, int chapter, String title, String where,
                              List<String> testClasses) {
        /** "Exercise 1.1: The forward difference", or "Exercise 1.1" when the text has no title yet. */
        public String name() {
            return title.isEmpty() ? "Exercise " + id : "Exercise " + id + ": " + title;
        }
    }

    /**
     * A method that holds (part of) an exercise's solution: the file, relative to {@code src/main/java}
     * with '/' separators, and the method's {@link JavaSource key}. The grader takes the bodies of these
     * methods, and nothing else of the file, from a submission.
     */
    public record ExerciseMethod(String file, String key) {}

    /**
     * One chapter module. {@code solutionFiles} maps each main source file holding solution regions
     * (relative to {@code src/main/java}, with '/' separators) to its regions; {@code exerciseMethods}
     * maps each exercise id to the methods its regions are in. A student edition has no regions: there
     * the methods come from the index the edition carries ({@link #EXERCISE_METHODS}). {@code courseFiles} are the
     * main files the course itself has (a student's working copy may add more). {@code chapterDependencies}
     * maps each chapter module its pom depends on to the dependency's scope ("compile" or "test").
     */
    public record Chapter(String module, int number, Path dir, List<ExerciseDef> exercises,
                          Map<String, List<SolutionMarkers.Region>> solutionFiles,
                          Map<String, List<ExerciseMethod>> exerciseMethods, java.util.Set<String> courseFiles,
                          Map<String, String> chapterDependencies) {
        public Path mainJava() {
            return dir.resolve("src/main/java");
        }

        public Path testJava() {
            return dir.resolve("src/test/java");
        }

        public int maxPoints() {
            return exercises.stream().mapToInt(ExerciseDef::points).sum();
        }

        /** The files holding methods of exercise {@code id}. */
        public List<String> filesOf(String id) {
            return exerciseMethods.getOrDefault(id, List.of()).stream().map(ExerciseMethod::file).distinct().toList();
        }

        /** The packages of the chapter's main code, as {@code a.b.c} ("" for the unnamed one). */
        public java.util.Set<String> packages() {
            java.util.Set<String> packages = new java.util.TreeSet<>();
            for (Path file : javaFiles(mainJava())) {
                Path parent = mainJava().relativize(file).getParent();
                packages.add(parent == null ? "" : parent.toString().replace('\\', '/').replace('/', '.'));
            }
            return packages;
        }
    }

    /**
     * Where a student edition lists the methods of each exercise (its solution regions are gone), one line
     * per method: exercise id, module, file, method key, separated by tabs.
     */
    public static final String EXERCISE_METHODS = "grading/exercise-methods.tsv";

    /** The exercise column of the index's lines that list a main file of the course (method column: "-"). */
    private static final String COURSE_FILE = "file";

    /** The exercise column of the index's lines that give the checksum (method column) of an exercise test as handed out. */
    private static final String TEST_FILE = "test";

    private static final Pattern CHAPTER_DIR = Pattern.compile("chapter(\\d+)-[\\w.-]+");
    private static final Pattern EXERCISE = Pattern.compile("@(?:kuibu\\.grading\\.)?Exercise\\s*\\(([^)]*)\\)");
    private static final Pattern ID = Pattern.compile("\\bid\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern POINTS = Pattern.compile("\\bpoints\\s*=\\s*(\\d+)");
    private static final Pattern EXERCISE_ID = Pattern.compile("(\\d+)\\.(\\d+)");

    /** Orders exercise ids numerically: 1.2 before 1.10, 1.10 before 2.1. */
    public static final Comparator<String> BY_ID = Comparator
            .comparingInt((String id) -> idPart(id, 1)).thenComparingInt(id -> idPart(id, 2)).thenComparing(id -> id);

    private final Path root;
    private final List<Chapter> chapters;

    private Course(Path root, List<Chapter> chapters) {
        this.root = root;
        this.chapters = chapters;
    }

    public Path root() {
        return root;
    }

    public List<Chapter> chapters() {
        return chapters;
    }

    /**
     * The course cut down to its first chapters that have exercises ({@code count} of them, with every
     * chapter before the last one kept, since later chapters build on earlier ones): for self-checks
     * that need a chapter or two, not the whole course.
     */
    public Course firstChaptersWithExercises(int count) {
        List<Chapter> kept = new ArrayList<>();
        int withExercises = 0;
        for (Chapter chapter : chapters) {
            if (withExercises == count) {
                break;
            }
            kept.add(chapter);
            withExercises += chapter.exercises().isEmpty() ? 0 : 1;
        }
        return new Course(root, List.copyOf(kept));
    }

    /**
     * The course cut down to the exercises {@code ids}: their chapters and the ones before them (which they
     * build on), with only those exercises. Unknown ids are an error naming them.
     */
    public Course only(java.util.Collection<String> ids) throws CourseException {
        java.util.Set<String> known = new java.util.HashSet<>();
        exercises().forEach(e -> known.add(e.id()));
        List<String> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new CourseException("no exercise " + String.join(", ", unknown) + " in this course (its exercises are "
                    + exercises().get(0).id() + " to " + exercises().get(exercises().size() - 1).id() + ")");
        }
        int last = 0;
        List<Chapter> kept = new ArrayList<>();
        for (int i = 0; i < chapters.size(); i++) {
            Chapter c = chapters.get(i);
            List<ExerciseDef> chosen = c.exercises().stream().filter(e -> ids.contains(e.id())).toList();
            if (!chosen.isEmpty()) {
                last = i;
            }
            kept.add(new Chapter(c.module(), c.number(), c.dir(), chosen, c.solutionFiles(), c.exerciseMethods(), c.courseFiles(),
                    c.chapterDependencies()));
        }
        return new Course(root, List.copyOf(kept.subList(0, last + 1)));
    }

    /**
     * The chapters {@code chapter}'s main code is compiled against, as its pom says (compile scope,
     * transitively), nearest first; or, with {@code tests}, those its tests are compiled against (test scope
     * too). Grading compiles against the same, so code the student's own build would reject is rejected.
     */
    public List<Chapter> dependencies(Chapter chapter, boolean tests) {
        java.util.LinkedHashSet<String> found = new java.util.LinkedHashSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>();
        chapter.chapterDependencies().forEach((module, scope) -> {
            if (tests || !scope.equals("test")) {
                todo.add(module);
            }
        });
        while (!todo.isEmpty()) {
            String module = todo.poll();
            if (found.add(module)) {
                chapters.stream().filter(c -> c.module().equals(module)).findFirst().ifPresent(c ->
                        c.chapterDependencies().forEach((m, scope) -> {
                            if (!scope.equals("test")) {
                                todo.add(m);
                            }
                        }));
            }
        }
        return chapters.stream().filter(c -> found.contains(c.module())).sorted(Comparator.comparingInt(Chapter::number).reversed())
                .toList();
    }

    /** The chapter modules a chapter's pom depends on, with their scopes; empty when there is no pom. */
    private static Map<String, String> chapterDependencies(Path pom) throws CourseException {
        Map<String, String> deps = new LinkedHashMap<>();
        if (!Files.isRegularFile(pom)) {
            return deps;
        }
        try {
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            org.w3c.dom.Document doc = factory.newDocumentBuilder().parse(pom.toFile());
            org.w3c.dom.NodeList list = doc.getElementsByTagName("dependency");
            for (int i = 0; i < list.getLength(); i++) {
                org.w3c.dom.Element dep = (org.w3c.dom.Element) list.item(i);
                if (dep.getParentNode() == null || !"dependencies".equals(dep.getParentNode().getNodeName())
                        || dep.getParentNode().getParentNode() == null
                        || !"project".equals(dep.getParentNode().getParentNode().getNodeName())) {
                    continue; // plugin or managed dependencies
                }
                String artifact = text(dep, "artifactId");
                if (CHAPTER_DIR.matcher(artifact).matches()) {
                    String scope = text(dep, "scope");
                    deps.put(artifact, scope.isEmpty() ? "compile" : scope);
                }
            }
            return deps;
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException | IOException e) {
            throw new CourseException(pom + ": cannot read its dependencies (" + e.getMessage() + ")");
        }
    }

    private static String text(org.w3c.dom.Element parent, String tag) {
        org.w3c.dom.NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }

    /** Every exercise of the course, chapter by chapter, in id order. */
    public List<ExerciseDef> exercises() {
        return chapters.stream().flatMap(c -> c.exercises().stream()).toList();
    }

    public int maxPoints() {
        return chapters.stream().mapToInt(Chapter::maxPoints).sum();
    }

    /** True when the course holds solution regions, that is, when it is the instructor's edition. */
    public boolean hasSolutions() {
        return chapters.stream().anyMatch(c -> !c.solutionFiles().isEmpty());
    }

    /**
     * Reads the course at {@code root}. With {@code requireSolutions}, every exercise must have at
     * least one solution region (the instructor's edition); without it, a student edition or a
     * working copy reads fine.
     */
    public static Course load(Path root, boolean requireSolutions) throws CourseException {
        Path dir = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new CourseException(dir + ": no such folder");
        }
        List<Path> chapterDirs = chapterDirs(dir);
        if (chapterDirs.isEmpty()) {
            throw new CourseException(dir + ": not a Kuibu course (no chapterNN-* folder with a src folder in it)");
        }
        Map<String, Map<String, List<ExerciseMethod>>> index = readExerciseMethods(dir.resolve(EXERCISE_METHODS));
        List<Chapter> chapters = new ArrayList<>();
        for (Path chapterDir : chapterDirs) {
            chapters.add(readChapter(dir, chapterDir, requireSolutions, index));
        }
        return new Course(dir, List.copyOf(chapters));
    }

    /** The chapter folders of the course at {@code root}, by chapter number. */
    static List<Path> chapterDirs(Path root) throws CourseException {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(p -> CHAPTER_DIR.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.isDirectory(p.resolve("src")))
                    .sorted(Comparator.comparingInt((Path p) -> chapterNumber(p.getFileName().toString()))
                            .thenComparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new CourseException(root + ": cannot list the folder (" + e.getMessage() + ")");
        }
    }

    /**
     * The course folder that {@code start} is in or under: the nearest folder, going up, that holds a
     * {@code pom.xml} and at least one chapter folder.
     */
    public static Optional<Path> findRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (isCourseRoot(dir)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /**
     * Where the course is inside a submitted folder: the folder itself, or the one folder it holds
     * (an unpacked archive often wraps the course in a folder of its own).
     */
    public static Path locateIn(Path submission) throws CourseException {
        Path dir = submission.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new CourseException(submission + ": no such folder");
        }
        for (int depth = 0; depth < 3; depth++) {
            if (isCourseRoot(dir)) {
                return dir;
            }
            List<Path> subdirs;
            try (Stream<Path> children = Files.list(dir)) {
                subdirs = children.filter(Files::isDirectory)
                        .filter(p -> !p.getFileName().toString().startsWith(".")).toList();
            } catch (IOException e) {
                throw new CourseException(dir + ": cannot list the folder (" + e.getMessage() + ")");
            }
            if (subdirs.size() != 1) {
                break;
            }
            dir = subdirs.get(0);
        }
        return submission.toAbsolutePath().normalize(); // graded as it is: every chapter missing
    }

    private static boolean isCourseRoot(Path dir) {
        if (!Files.isRegularFile(dir.resolve("pom.xml"))) {
            return false;
        }
        try {
            return !chapterDirs(dir).isEmpty();
        } catch (CourseException e) {
            return false;
        }
    }

    private static Chapter readChapter(Path root, Path chapterDir, boolean requireSolutions,
                                       Map<String, Map<String, List<ExerciseMethod>>> index) throws CourseException {
        String module = chapterDir.getFileName().toString();
        int number = chapterNumber(module);
        Map<String, String[]> titles = exerciseTitles(chapterDir.resolve("chapter.adoc"), number);

        // exercises, from the annotations of the tests
        Map<String, Integer> points = new TreeMap<>(BY_ID);
        Map<String, String> firstSeen = new LinkedHashMap<>();
        Map<String, List<String>> testClasses = new TreeMap<>(BY_ID);
        for (Path file : javaFiles(chapterDir.resolve("src/test/java"))) {
            String source = read(file);
            String where = root.relativize(file).toString();
            Matcher m = EXERCISE.matcher(source);
            while (m.find()) {
                String at = where + ":" + lineOf(source, m.start());
                Matcher id = ID.matcher(m.group(1));
                Matcher pts = POINTS.matcher(m.group(1));
                if (!id.find() || !pts.find()) {
                    throw new CourseException(at + ": write @Exercise(id = \"" + number + ".<n>\", points = <n>) with a literal id and points");
                }
                String exerciseId = id.group(1);
                Matcher idForm = EXERCISE_ID.matcher(exerciseId);
                if (!idForm.matches() || Integer.parseInt(idForm.group(1)) != number) {
                    throw new CourseException(at + ": exercise id \"" + exerciseId + "\" in " + module
                            + ": expected \"" + number + ".<n>\"");
                }
                int p = Integer.parseInt(pts.group(1));
                Integer before = points.putIfAbsent(exerciseId, p);
                if (before != null && before != p) {
                    throw new CourseException(at + ": exercise " + exerciseId + " is worth " + p + " points here but "
                            + before + " at " + firstSeen.get(exerciseId) + ": every test of an exercise declares the same points");
                }
                firstSeen.putIfAbsent(exerciseId, at);
                String className = chapterDir.resolve("src/test/java").relativize(file).toString().replace('\\', '/');
                className = className.substring(0, className.length() - ".java".length()).replace('/', '.');
                List<String> classes = testClasses.computeIfAbsent(exerciseId, k -> new ArrayList<>());
                if (!classes.contains(className)) {
                    classes.add(className);
                }
            }
        }

        // solution regions, from the main sources (and none anywhere else), and the methods they are in
        Map<String, List<SolutionMarkers.Region>> solutionFiles = new TreeMap<>();
        Map<String, List<ExerciseMethod>> methods = new TreeMap<>(BY_ID);
        Map<String, String> methodOwner = new LinkedHashMap<>();
        Map<String, String> regionSeen = new TreeMap<>(BY_ID);
        Path mainJava = chapterDir.resolve("src/main/java");
        for (Path file : javaFiles(chapterDir.resolve("src"))) {
            String where = root.relativize(file).toString();
            List<SolutionMarkers.Region> regions;
            try {
                regions = SolutionMarkers.find(where, Files.readAllLines(file, StandardCharsets.UTF_8));
            } catch (SolutionMarkers.MarkerException e) {
                throw new CourseException(e.getMessage(), e);
            } catch (IOException e) {
                throw new CourseException(where + ": cannot read (" + e.getMessage() + ")");
            }
            if (regions.isEmpty()) {
                continue;
            }
            if (!file.startsWith(mainJava)) {
                throw new CourseException(where + ":" + regions.get(0).beginLine()
                        + ": solution regions belong in src/main/java, not here");
            }
            String rel = mainJava.relativize(file).toString().replace('\\', '/');
            JavaSource source = JavaSource.parse(where, read(file));
            for (SolutionMarkers.Region region : regions) {
                if (!points.containsKey(region.id())) {
                    throw new CourseException(where + ":" + region.beginLine() + ": unknown exercise " + region.id()
                            + ": no test in " + module + "/src/test/java is annotated @Exercise(id = \"" + region.id() + "\", ...)");
                }
                regionSeen.putIfAbsent(region.id(), where);
                JavaSource.Body body = source.methodAtLine(region.beginLine())
                        .filter(b -> b.closeLine() >= region.endLine())
                        .orElseThrow(() -> new CourseException(where + ":" + region.beginLine() + ": solution region "
                                + region.id() + " is not inside one method body: the grader takes whole method bodies"));
                String owner = methodOwner.putIfAbsent(rel + " " + body.key(), region.id());
                if (owner != null && !owner.equals(region.id())) {
                    throw new CourseException(where + ":" + region.beginLine() + ": method " + body.key() + " holds regions of "
                            + owner + " and " + region.id() + ": one exercise per method, so each is graded on its own");
                }
                List<ExerciseMethod> of = methods.computeIfAbsent(region.id(), k -> new ArrayList<>());
                ExerciseMethod method = new ExerciseMethod(rel, body.key());
                if (!of.contains(method)) {
                    of.add(method);
                }
            }
            solutionFiles.put(rel, List.copyOf(regions));
        }
        if (requireSolutions) {
            for (String id : points.keySet()) {
                if (!regionSeen.containsKey(id)) {
                    throw new CourseException(firstSeen.get(id) + ": exercise " + id + " has tests but no solution region "
                            + "(// BEGIN SOLUTION " + id + ") in " + module + "/src/main/java");
                }
            }
        }

        java.util.Set<String> courseFiles = new java.util.TreeSet<>();
        if (solutionFiles.isEmpty() && index.containsKey(module)) { // a student edition
            Map<String, List<ExerciseMethod>> listed = new TreeMap<>(index.get(module));
            listed.getOrDefault(COURSE_FILE, List.of()).forEach(m -> courseFiles.add(m.file()));
            listed.keySet().removeIf(id -> !EXERCISE_ID.matcher(id).matches()); // files, tests' checksums
            methods.putAll(listed);
        } else {
            for (Path file : javaFiles(mainJava)) {
                courseFiles.add(mainJava.relativize(file).toString().replace('\\', '/'));
            }
        }
        List<ExerciseDef> exercises = new ArrayList<>();
        for (Map.Entry<String, Integer> e : points.entrySet()) {
            String[] title = titles.getOrDefault(e.getKey(), new String[] {"", ""});
            String where = title[1].isEmpty()
                    ? "Exercise " + e.getKey() + " in chapter " + number + " of the book (" + module + "/chapter.adoc)"
                    : title[1];
            exercises.add(new ExerciseDef(e.getKey(), e.getValue(), module, number, title[0], where,
                    List.copyOf(testClasses.get(e.getKey()))));
        }
        Map<String, List<ExerciseMethod>> exerciseMethods = new TreeMap<>(BY_ID);
        methods.forEach((id, list) -> exerciseMethods.put(id, List.copyOf(list)));
        return new Chapter(module, number, chapterDir, List.copyOf(exercises), Map.copyOf(solutionFiles),
                java.util.Collections.unmodifiableMap(exerciseMethods), java.util.Collections.unmodifiableSet(courseFiles),
                chapterDependencies(chapterDir.resolve("pom.xml")));
    }

    /** The index a student edition carries (module to exercise to methods); empty when there is none. */
    private static Map<String, Map<String, List<ExerciseMethod>>> readExerciseMethods(Path index) throws CourseException {
        Map<String, Map<String, List<ExerciseMethod>>> byModule = new LinkedHashMap<>();
        if (!Files.isRegularFile(index)) {
            return byModule;
        }
        int n = 0;
        for (String line : read(index).lines().toList()) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 4) {
                throw new CourseException(index + ":" + n + ": expected 'exercise TAB module TAB file TAB method', got: " + line);
            }
            byModule.computeIfAbsent(f[1], k -> new LinkedHashMap<>()).computeIfAbsent(f[0], k -> new ArrayList<>())
                    .add(new ExerciseMethod(f[2], f[3]));
        }
        return byModule;
    }

    /**
     * The exercise tests of {@code module} as a student edition handed them out: test file (under
     * {@code src/test/java}) to its SHA-256; empty for the instructor's course, whose tests are the reference.
     */
    public Map<String, String> handedOutTests(String module) throws CourseException {
        Map<String, String> sums = new TreeMap<>();
        Path index = root.resolve(EXERCISE_METHODS);
        if (!Files.isRegularFile(index)) {
            return sums;
        }
        for (String line : read(index).lines().toList()) {
            String[] f = line.split("\t");
            if (f.length == 4 && f[0].equals(TEST_FILE) && f[1].equals(module)) {
                sums.put(f[2], f[3]);
            }
        }
        return sums;
    }

    /** The SHA-256 of a file, in hex ("" when it cannot be read). */
    public static String sha256(Path file) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            return "";
        }
    }

    /** The text of {@link #EXERCISE_METHODS} for this course: what a student edition carries. */
    public String exerciseMethodsIndex() {
        StringBuilder text = new StringBuilder("# The methods that hold each exercise (the grader takes their bodies from a submission),\n"
                + "# then the course's own main files ('file' lines). Columns: exercise, module, file (under src/main/java), method.\n");
        for (Chapter chapter : chapters) {
            chapter.exerciseMethods().forEach((id, list) -> list.forEach(m ->
                    text.append(id).append('\t').append(chapter.module()).append('\t').append(m.file()).append('\t')
                            .append(m.key()).append('\n')));
            chapter.courseFiles().forEach(file -> text.append(COURSE_FILE).append('\t').append(chapter.module()).append('\t')
                    .append(file).append("\t-\n"));
            chapter.exercises().stream().flatMap(e -> e.testClasses().stream()).distinct().filter(t -> !t.contains(".instructor."))
                    .forEach(type -> {
                        String file = type.replace('.', '/') + ".java";
                        text.append(TEST_FILE).append('\t').append(chapter.module()).append('\t').append(file).append('\t')
                                .append(sha256(chapter.testJava().resolve(file))).append('\n');
                    });
        }
        return text.toString();
    }

    /**
     * Exercise id to {title, where} from the chapter's text: the title of its {@code .Exercise N.M:
     * Title} block and a phrase pointing at its section, for the stub's message.
     */
    private static Map<String, String[]> exerciseTitles(Path adoc, int number) {
        Map<String, String[]> titles = new LinkedHashMap<>();
        if (!Files.isRegularFile(adoc)) {
            return titles;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(adoc, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return titles;
        }
        String chapterTitle = "";
        String section = "";
        Pattern anchor = Pattern.compile("^\\[\\[exercise-(\\d+\\.\\d+)\\]\\]\\s*$");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("== ") && chapterTitle.isEmpty()) {
                chapterTitle = line.substring(3).strip();
            } else if (line.startsWith("=== ")) {
                section = line.substring(4).strip();
            }
            Matcher m = anchor.matcher(line);
            if (m.matches()) {
                String id = m.group(1);
                String title = "";
                for (int j = i + 1; j < Math.min(lines.size(), i + 4); j++) {
                    Matcher t = Pattern.compile("^\\.Exercise\\s+" + Pattern.quote(id) + "\\s*:?\\s*(.*)$").matcher(lines.get(j));
                    if (t.matches()) {
                        title = t.group(1).strip();
                        break;
                    }
                }
                String where = "Exercise " + id + (title.isEmpty() ? "" : " \"" + title + "\"") + " in chapter " + number
                        + (section.isEmpty() ? "" : ", section \"" + section + "\"") + " of the book";
                titles.put(id, new String[] {title, where});
            }
        }
        return titles;
    }

    /** Every {@code .java} file under {@code dir}, sorted; none when it does not exist. */
    public static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) throws CourseException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CourseException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int chapterNumber(String module) {
        Matcher m = CHAPTER_DIR.matcher(module);
        return m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    private static int idPart(String id, int group) {
        Matcher m = EXERCISE_ID.matcher(id);
        return m.matches() ? Integer.parseInt(m.group(group)) : Integer.MAX_VALUE;
    }
}
