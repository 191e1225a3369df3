package kuibu.grading.grader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kuibu.grading.Course;
import kuibu.grading.JavaSource;

/**
 * The sources an exercise is graded with: the course's own files, with only the bodies of that
 * exercise's methods taken from the submission (every other exercise keeps the course's solution, so
 * a mistake costs the exercise it is in and nothing else), plus the submission's new files in the
 * chapter's own packages (helpers of the student's), never one that reuses a course name.
 */
final class ExerciseSources {

    /** Spliced lines {@code from..to} are the submission's lines from {@code submittedFrom} on. */
    record Lines(int from, int to, int submittedFrom) {}

    /** A course file with some method bodies from the submission, and which of its lines those are. */
    record Spliced(String file, String text, List<Lines> submitted) {
        /** The submission's line for {@code line} of this text, or -1 when the line is the course's. */
        int submittedLine(int line) {
            for (Lines l : submitted) {
                if (l.from() <= line && line <= l.to()) {
                    return l.submittedFrom() + line - l.from();
                }
            }
            return -1;
        }
    }

    /** What the submission holds of an exercise. */
    enum State {
        /** Its methods differ from the stubs: grade them. */
        WRITTEN,
        /** Its methods are the stubs the student edition hands out. */
        NOT_WRITTEN,
        /** A file or method is missing or cannot be read: nothing to grade. */
        MISSING,
        /** A file holding its methods does not parse: the compiler's errors say why. */
        UNPARSABLE
    }

    /** One exercise: its state, its spliced files (when written) and what was wrong (when missing). */
    record Exercise(Course.ExerciseDef def, State state, List<Spliced> files, List<String> problems) {}

    /** A file the submission adds to a chapter (a helper of the student's). */
    record NewFile(String module, String file, String text) {}

    private final Map<String, Exercise> exercises;
    private final Map<String, List<NewFile>> newFiles;
    private final List<String> notes;

    private ExerciseSources(Map<String, Exercise> exercises, Map<String, List<NewFile>> newFiles, List<String> notes) {
        this.exercises = exercises;
        this.newFiles = newFiles;
        this.notes = notes;
    }

    Exercise exercise(String id) {
        return exercises.get(id);
    }

    /** The submission's accepted new files of {@code module}. */
    List<NewFile> newFiles(String module) {
        return newFiles.getOrDefault(module, List.of());
    }

    /** Files refused, course files whose changes were ignored: one sentence each. */
    List<String> notes() {
        return notes;
    }

    /** Takes the submission apart as the course {@code reference} describes it. */
    static ExerciseSources of(Reference reference, Submission submission) {
        Map<String, Exercise> exercises = new LinkedHashMap<>();
        Map<String, List<NewFile>> newFiles = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Course.Chapter chapter : reference.course().chapters()) {
            Map<String, String> submitted = submission.files(chapter.module());
            String shown = chapter.module() + "/src/main/java/";
            Map<String, JavaSource> parsed = new LinkedHashMap<>();
            for (String file : chapter.exerciseMethods().values().stream().flatMap(List::stream)
                    .map(Course.ExerciseMethod::file).distinct().toList()) {
                if (submitted.containsKey(file)) {
                    parsed.put(file, JavaSource.parse(shown + file, submitted.get(file)));
                }
            }
            java.util.Set<String> ignored = new java.util.LinkedHashSet<>();
            for (Course.ExerciseDef def : chapter.exercises()) {
                exercises.put(def.id(), exercise(reference, chapter, def, parsed, shown, ignored));
            }
            notes.addAll(ignored);
            Set<String> courseFiles = reference.mainFiles(chapter.module());
            for (Map.Entry<String, String> file : submitted.entrySet()) {
                if (courseFiles.contains(file.getKey())) {
                    if (!chapter.exerciseMethods().values().stream().flatMap(List::stream).anyMatch(m -> m.file().equals(file.getKey()))
                            && !file.getValue().equals(reference.mainText(chapter.module(), file.getKey()))) {
                        notes.add(shown + file.getKey() + " differs from the course's: it holds no exercise, so the grader used the course's version");
                    }
                    continue;
                }
                String refusal = refusal(reference, chapter, file.getKey(), file.getValue());
                if (refusal != null) {
                    notes.add(shown + file.getKey() + ": " + refusal);
                } else {
                    newFiles.computeIfAbsent(chapter.module(), k -> new ArrayList<>())
                            .add(new NewFile(chapter.module(), file.getKey(), file.getValue()));
                }
            }
        }
        return new ExerciseSources(exercises, newFiles, notes);
    }

    private static Exercise exercise(Reference reference, Course.Chapter chapter, Course.ExerciseDef def,
                                     Map<String, JavaSource> parsed, String shown, java.util.Set<String> ignored) {
        List<String> problems = new ArrayList<>();
        List<Spliced> spliced = new ArrayList<>();
        boolean allStubs = true;
        for (String file : chapter.filesOf(def.id())) {
            JavaSource theirs = parsed.get(file);
            if (theirs == null) {
                problems.add(shown + file + " is missing: graded with the exercise not done");
                continue;
            }
            if (!theirs.errors().isEmpty()) {
                theirs.errors().forEach(e -> problems.add(shown + file + ":" + e.replaceFirst("^line (\\d+): ", "$1: ")));
                return new Exercise(def, State.UNPARSABLE, List.of(), problems);
            }
            JavaSource course = reference.solutionSource(chapter.module(), file);
            JavaSource stub = reference.stubSource(chapter.module(), file);
            if (!squeeze(outsideMethods(theirs, chapter.exerciseMethods())).equals(squeeze(outsideMethods(stub, chapter.exerciseMethods())))) {
                ignored.add(shown + file + ": changes outside the exercises' methods were ignored (the grader takes only their "
                        + "bodies, and your imports, from this file)");
            }
            List<JavaSource.Body[]> replaced = new ArrayList<>(); // {course body, their body}
            for (Course.ExerciseMethod method : chapter.exerciseMethods().get(def.id())) {
                if (!method.file().equals(file)) {
                    continue;
                }
                JavaSource.Body body = theirs.method(method.key()).orElse(null);
                if (body == null) {
                    problems.add(shown + file + ": method " + method.key() + (theirs.ambiguous().contains(method.key())
                            ? " is declared twice, or its braces are not written as { and }"
                            : " is not there (did you change its name or the types of its parameters?)"));
                    continue;
                }
                String stubBody = stub.inside(stub.method(method.key()).orElseThrow());
                allStubs &= squeeze(theirs.inside(body)).equals(squeeze(stubBody));
                replaced.add(new JavaSource.Body[] {course.method(method.key()).orElseThrow(), body});
            }
            if (problems.isEmpty()) {
                spliced.add(splice(file, course, theirs, replaced, reference));
            }
        }
        if (!problems.isEmpty()) {
            return new Exercise(def, State.MISSING, List.of(), problems);
        }
        return new Exercise(def, allStubs ? State.NOT_WRITTEN : State.WRITTEN, spliced, List.of());
    }

    /**
     * The course file with the given bodies' insides replaced by the submission's, and where those lines went.
     * The submission's own imports come too (its code may need them), on the package declaration's line so
     * that no line moves.
     */
    private static Spliced splice(String file, JavaSource course, JavaSource theirs, List<JavaSource.Body[]> replaced,
                                  Reference reference) {
        replaced.sort(Comparator.comparingInt(pair -> pair[0].open()));
        StringBuilder text = new StringBuilder();
        List<Lines> lines = new ArrayList<>();
        int at = course.packageEnd();
        text.append(course.text(), 0, at);
        for (String imported : theirs.imports()) {
            if (!course.imports().contains(imported) && !shadows(imported, course.packageName(), reference)) {
                text.append(' ').append(imported);
            }
        }
        for (JavaSource.Body[] pair : replaced) {
            JavaSource.Body mine = pair[0];
            JavaSource.Body their = pair[1];
            text.append(course.text(), at, mine.open() + 1);
            int from = lineCount(text);
            String inside = theirs.inside(their);
            text.append(inside);
            lines.add(new Lines(from, lineCount(text), their.openLine()));
            at = mine.close();
        }
        text.append(course.text(), at, course.text().length());
        return new Spliced(file, text.toString(), List.copyOf(lines));
    }

    /** The number of the line the end of {@code text} is on. */
    private static int lineCount(CharSequence text) {
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** The text of {@code source} without the insides of the chapter's exercise methods and without its imports. */
    private static String outsideMethods(JavaSource source, Map<String, List<Course.ExerciseMethod>> methods) {
        List<JavaSource.Body> bodies = new ArrayList<>();
        methods.values().forEach(list -> list.forEach(m -> source.method(m.key()).ifPresent(bodies::add)));
        bodies.sort(Comparator.comparingInt(JavaSource.Body::open));
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (JavaSource.Body b : bodies) {
            if (b.open() >= at) {
                out.append(source.text(), at, b.open() + 1);
                at = b.close();
            }
        }
        String text = out.append(source.text().substring(at)).toString();
        for (String imported : source.imports()) {
            text = text.replace(imported, "");
        }
        return text.replaceAll("(?m)^\\s*import\\s[^;]*;", "");
    }

    /**
     * Whether a submission's {@code import a.b.Name;} would put another type in place of {@code Name} of the
     * file's own package in the course's code around the exercise (a single-type import hides the package's
     * own types): such an import is left out.
     */
    private static boolean shadows(String imported, String pkg, Reference reference) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^import ([\\w.]+)\\.(\\w+) ?;$").matcher(imported.strip());
        return m.matches() && !m.group(1).equals(pkg) && reference.isReservedName(pkg, m.group(2));
    }

    /** Whether {@code name} is the simple name of a type of java.lang, which every file sees without an import. */
    private static boolean isJavaLang(String name) {
        try {
            Class.forName("java.lang." + name, false, ClassLoader.getPlatformClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static String squeeze(String code) {
        return code.replaceAll("\\s+", "");
    }

    /** Why a new file is refused, or null when it is accepted. */
    private static String refusal(Reference reference, Course.Chapter chapter, String file, String text) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        if (name.equals("module-info.java") || name.equals("package-info.java")) {
            return "refused: a submission may not add " + name;
        }
        int slash = file.lastIndexOf('/');
        String folderPackage = slash < 0 ? "" : file.substring(0, slash).replace('/', '.');
        if (!chapter.packages().contains(folderPackage)) {
            return "refused: new files belong in the chapter's own package" + (chapter.packages().size() == 1 ? " " : "s ")
                    + String.join(", ", chapter.packages());
        }
        JavaSource source = JavaSource.parse(chapter.module() + "/src/main/java/" + file, text);
        if (!source.errors().isEmpty()) {
            return "does not parse (" + source.errors().get(0) + "): refused";
        }
        if (!source.packageName().equals(folderPackage)) {
            return "declares package '" + source.packageName() + "' but lies in the folder of '" + folderPackage + "': refused";
        }
        for (String type : source.topLevelTypes()) {
            if (reference.isReservedName(folderPackage, type)) {
                return "declares " + type + ", a name the course uses: refused (choose another name for your helper)";
            }
            if (isJavaLang(type)) {
                // a class of the chapter's package named like one of java.lang would stand in for it in the course's code
                return "declares " + type + ", the name of java.lang." + type + ": refused (choose another name for your helper)";
            }
        }
        return null;
    }
}
