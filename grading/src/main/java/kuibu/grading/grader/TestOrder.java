package kuibu.grading.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kuibu.grading.Course;
import kuibu.grading.JavaSource;

/**
 * The order in which a test file states its tests. JUnit runs them in an order of its own, but a student
 * reads the file from the top, and the first test that fails there is the one to fix first: failures are
 * reported, and the hint taken, in this order.
 */
final class TestOrder {

    private static final Pattern SEGMENT = Pattern.compile("\\[(class|nested-class|method|test-factory|test-template):([^\\]]*)\\]");

    private final Map<String, JavaSource> sources = new HashMap<>(); // top-level test class -> its file

    private TestOrder() {}

    /** The order of the exercise tests of {@code course}, read from their files. */
    static TestOrder of(Course course) {
        TestOrder order = new TestOrder();
        for (Course.Chapter chapter : course.chapters()) {
            chapter.exercises().stream().flatMap(e -> e.testClasses().stream()).distinct().forEach(type -> {
                Path file = chapter.testJava().resolve(type.replace('.', '/') + ".java");
                try {
                    order.sources.put(type, JavaSource.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    // no order for its tests then: they come last
                }
            });
        }
        return order;
    }

    /** The line the test with unique id {@code uid} starts on in its file, or {@link Integer#MAX_VALUE} when unknown. */
    int lineOf(String uid) {
        Matcher m = SEGMENT.matcher(uid);
        String type = null;
        StringBuilder path = new StringBuilder();
        String method = null;
        while (m.find()) {
            switch (m.group(1)) {
                case "class" -> {
                    type = m.group(2);
                    path.append(type.substring(type.lastIndexOf('.') + 1));
                }
                case "nested-class" -> path.append('.').append(m.group(2));
                default -> method = m.group(2).contains("(") ? m.group(2).substring(0, m.group(2).indexOf('(')) : m.group(2);
            }
        }
        JavaSource source = type == null ? null : sources.get(type);
        if (source == null || method == null) {
            return Integer.MAX_VALUE;
        }
        String prefix = path + "#" + method + "(";
        return source.methods().entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToInt(e -> e.getValue().openLine()).min().orElse(Integer.MAX_VALUE);
    }
}
