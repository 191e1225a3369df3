package kuibu.grading.grader;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kuibu.grading.Course;
import kuibu.tools.AtomicFiles;

/**
 * What the grader writes: per submission a Gradescope {@code results.json} and a readable
 * {@code feedback.txt}; per run a {@code gradebook.csv}. Every file is written to a temporary file
 * first and moved into place, so a reader never sees half a file.
 */
public final class Reports {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Reports() {}

    /** Gradescope's results format, every result visible to the student at once. */
    public static String resultsJson(Grader.SubmissionResult result) throws IOException {
        return resultsJson(result, "visible", Map.of());
    }

    /** Gradescope's visibilities of a result. */
    public static final java.util.Set<String> VISIBILITIES = java.util.Set.of("visible", "after_due_date", "after_published", "hidden");

    /**
     * Gradescope's results format: one test entry per exercise, all-or-nothing points, each shown to the
     * student as {@code byExercise} says (exercise id to one of {@link #VISIBILITIES}), else as {@code visibility}.
     */
    public static String resultsJson(Grader.SubmissionResult result, String visibility, Map<String, String> byExercise)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("score", result.score());
        root.put("max_score", result.maxScore());
        root.put("execution_time", Math.round(result.seconds()));
        root.put("output", summary(result));
        root.put("visibility", visibility);
        root.put("stdout_visibility", "hidden");
        ArrayNode tests = root.putArray("tests");
        for (Grader.ExerciseResult e : result.exercises()) {
            ObjectNode test = tests.addObject();
            test.put("name", e.exercise().name());
            test.put("number", e.exercise().id());
            test.put("score", e.score());
            test.put("max_score", e.exercise().points());
            test.put("status", e.passed() ? "passed" : "failed");
            test.put("output", e.output());
            test.put("output_format", "text");
            test.putArray("tags").add(e.exercise().module());
            test.put("visibility", byExercise.getOrDefault(e.exercise().id(), visibility));
        }
        return JSON.writeValueAsString(root) + "\n";
    }

    private static String summary(Grader.SubmissionResult result) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%d of %d points.", result.score(), result.maxScore()));
        for (Map.Entry<String, String> e : result.compileErrors().entrySet()) {
            text.append("\n").append(named(e.getKey())).append(" does not compile, so ").append(isExercise(e.getKey()) ? "it scores" : "its exercises score")
                    .append(" 0:\n").append(e.getValue());
        }
        for (String note : result.notes()) {
            text.append("\nNote: ").append(note);
        }
        text.append("\nSandbox: ").append(result.sandbox());
        return text.toString();
    }

    /** The feedback a student reads: the table of exercises, then what failed and why. */
    public static String feedback(Grader.SubmissionResult result) {
        StringBuilder text = new StringBuilder();
        text.append("Kuibu grade for ").append(result.name()).append(": ").append(result.score()).append(" of ")
                .append(result.maxScore()).append(" points\n\n");
        text.append(table(result, false));
        if (!result.compileErrors().isEmpty()) {
            text.append("\nCompile errors (what does not compile could not be tested):\n");
            result.compileErrors().forEach((what, errors) ->
                    text.append("\n").append(named(what)).append(":\n  ").append(errors.replace("\n", "\n  ")).append("\n"));
        }
        if (!result.notes().isEmpty()) {
            text.append("\nNotes:\n");
            result.notes().forEach(n -> text.append("- ").append(n).append("\n"));
        }
        boolean header = false;
        for (Grader.ExerciseResult e : result.exercises()) {
            if (!e.passed() && !result.compileErrors().containsKey(e.exercise().module())
                    && !result.compileErrors().containsKey(e.exercise().id())) {
                if (!header) {
                    text.append("\nDetails of the exercises not done yet:\n");
                    header = true;
                }
                text.append("\n").append(e.exercise().name()).append(" (0 of ").append(e.exercise().points()).append(" points)\n  ")
                        .append(e.output().replace("\n", "\n  ")).append("\n");
            }
        }
        text.append("\nGraded with the course's own tests; sandbox: ").append(result.sandbox()).append("\n");
        return text.toString();
    }

    /** "Exercise 1.1" for an exercise id, else the name as it is (a chapter's module). */
    private static String named(String what) {
        return isExercise(what) ? "Exercise " + what : what;
    }

    private static boolean isExercise(String what) {
        return what.matches("\\d+\\.\\d+");
    }

    /**
     * A table per chapter: each exercise done or not, its points and, with {@code hints}, the first
     * failure message of each one not done.
     */
    public static String table(Grader.SubmissionResult result, boolean hints) {
        StringBuilder text = new StringBuilder();
        String module = null;
        for (Grader.ExerciseResult e : result.exercises()) {
            Course.ExerciseDef x = e.exercise();
            if (!x.module().equals(module)) {
                module = x.module();
                String m = module;
                int score = result.exercises().stream().filter(r -> r.exercise().module().equals(m)).mapToInt(Grader.ExerciseResult::score).sum();
                int max = result.exercises().stream().filter(r -> r.exercise().module().equals(m)).mapToInt(r -> r.exercise().points()).sum();
                text.append(String.format(Locale.ROOT, "Chapter %d  %-40s %3d/%d points%n", x.chapter(), module, score, max));
            }
            String title = x.title().isEmpty() ? "" : x.title();
            if (title.length() > 38) {
                title = title.substring(0, 37) + "…";
            }
            text.append(String.format(Locale.ROOT, "  [%s] %-5s %-38s %3d/%d%n", e.passed() ? "x" : " ", x.id(), title, e.score(), x.points()));
            if (hints && !e.passed() && !e.hint().isEmpty()) {
                String hint = e.hint().length() > 400 ? e.hint().substring(0, 399) + "…" : e.hint();
                for (String line : wrap(hint, 96)) {
                    text.append("          ").append(line).append("\n");
                }
            }
        }
        text.append(String.format(Locale.ROOT, "Total %d/%d points%n", result.score(), result.maxScore()));
        return text.toString();
    }

    /** {@code text} in lines of at most {@code width} characters, broken at spaces where it can be. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            if (cut <= width / 2) {
                cut = width;
            }
            lines.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        lines.add(rest);
        return lines;
    }

    /** One row per submission, one column per exercise (its points), then the total. */
    public static String gradebook(Course course, List<Grader.SubmissionResult> results) {
        StringBuilder csv = new StringBuilder("submission");
        List<String> ids = new ArrayList<>();
        for (Course.ExerciseDef e : course.exercises()) {
            ids.add(e.id());
            csv.append(",").append(e.id());
        }
        csv.append(",total\n");
        for (Grader.SubmissionResult r : results) {
            csv.append(csvField(r.name()));
            Map<String, Integer> scores = r.scores();
            for (String id : ids) {
                csv.append(",").append(scores.getOrDefault(id, 0));
            }
            csv.append(",").append(r.score()).append("\n");
        }
        return csv.toString();
    }

    private static String csvField(String s) {
        return s.matches("[^,\"\\r\\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /**
     * Writes {@code text} to {@code file} whole or not at all ({@link AtomicFiles}, both tools' one way of
     * writing a file): a reader never sees half a file, and an error names {@code file}, never a temporary one.
     */
    public static void writeAtomically(Path file, String text) throws IOException {
        AtomicFiles.write(file, temporary -> Files.writeString(temporary, text, StandardCharsets.UTF_8));
    }
}
