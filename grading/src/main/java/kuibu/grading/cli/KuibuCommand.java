package kuibu.grading.cli;

import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import kuibu.grading.Course;
import kuibu.grading.CourseException;
import kuibu.tools.Cli;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar grading/target/kuibu-grading.jar <command>}: the course's tools for instructors
 * and students. Bad input ends with one line naming the file or argument and exit code 2; any other
 * failure with one line and exit code 1; never a stack trace.
 */
@Command(name = "kuibu-grading", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "The Kuibu course's tools: make the student edition, grade submissions, check your progress.",
        subcommands = {StudentEditionCommand.class, GradeCommand.class, ProgressCommand.class, CheckStubsCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "'kuibu-grading COMMAND --help' tells a command's options. Exit codes: 0 done, 1 failed (or, for"
                + " progress --exercise and check-stubs, not all passed), 2 bad input."})
public final class KuibuCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw Cli.noCommand(spec);
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line {@code args}, printing to {@code out} and {@code err}; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new KuibuCommand());
        cli.setOut(out);
        cli.setErr(err);
        Cli.layout(cli);
        cli.setParameterExceptionHandler((e, arguments) -> Cli.usageError(e));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String name = commandLine.getCommandSpec().qualifiedName();
            if (e instanceof CourseException) {
                commandLine.getErr().println(name + ": " + e.getMessage());
                return Cli.BAD_INPUT;
            }
            if (e instanceof java.nio.file.FileSystemException f) {
                commandLine.getErr().println(name + ": " + f.getFile() + ": " + (f.getReason() != null ? f.getReason()
                        : f.getClass().getSimpleName().replace("Exception", "").replaceAll("(?<=[a-z])(?=[A-Z])", " ")
                                .toLowerCase(java.util.Locale.ROOT)));
                return Cli.BAD_INPUT;
            }
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            commandLine.getErr().println(name + ": failed: " + message);
            return 1;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The course to work on: {@code given} if set, else the course this tool was built in (the jar sits
     * in its {@code grading/target}), else the one around the current folder.
     */
    static Path courseRoot(Path given) throws CourseException {
        if (given != null) {
            if (!Files.isDirectory(given)) {
                throw new CourseException("--course " + given + ": no such folder");
            }
            return given.toAbsolutePath().normalize();
        }
        Optional<Path> fromCwd = Course.findRoot(Path.of(""));
        if (fromCwd.isPresent()) {
            return fromCwd.get();
        }
        try {
            Path location = Path.of(KuibuCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Optional<Path> fromJar = Course.findRoot(location);
            if (fromJar.isPresent()) {
                return fromJar.get();
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the message below
        }
        throw new CourseException("no course found around " + Path.of("").toAbsolutePath() + ": run this in the course folder or name it with --course DIR");
    }
}
