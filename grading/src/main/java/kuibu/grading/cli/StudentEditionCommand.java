package kuibu.grading.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import kuibu.grading.Course;
import kuibu.grading.StudentEdition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "student-edition", mixinStandardHelpOptions = true,
        header = "Write the student edition of the course.",
        description = {"Every solution region is replaced by a throw naming the exercise and its section of the book,"
                + " instructor-only material is left out, the student book (from docs/target/student-book) is included,"
                + " and there is no git history.",
                "Fails, writing nothing, on a malformed marker (file:line) or if any solution text would remain."})
final class StudentEditionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write it: a new or empty folder.")
    Path out;

    @Option(names = "--course", paramLabel = "DIR", description = "The instructor's course (default: the one around the current folder).")
    Path course;

    @Override
    public Integer call() throws Exception {
        Course loaded = Course.load(KuibuCommand.courseRoot(course), true);
        StudentEdition.Report report = StudentEdition.write(loaded, out);
        var stdout = spec.commandLine().getOut();
        stdout.printf("Wrote the student edition to %s: %d files, %d solution regions of %d exercises replaced by stubs;%n",
                report.out(), report.files(), report.regions(), loaded.exercises().size());
        stdout.printf("scanned it: no solution text left.%s%n", report.bookIncluded() ? " The student book is in book/." : "");
        for (String note : report.notes()) {
            stdout.println("Note: " + note);
        }
        stdout.println("Its README.adoc is the students' own: they build it with './mvnw install -DskipTests' (which ends with "
                + "their progress table) and run the exercises' tests with './mvnw verify'.");
        return 0;
    }
}
