package kuibu.mnist.tool;

import java.io.PrintWriter;
import kuibu.mnist.Trainer;
import kuibu.mnist.data.DataException;
import kuibu.tools.Cli;
import kuibu.tools.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line tool, {@code java -jar chapter05-mnist/target/kuibu-mnist.jar}: train, evaluate,
 * predict, bench, download, and measure (the figures of chapter 5). Exit codes: 0 success, 2 bad input or usage, 3 an
 * exercise the command needs is not written yet (the student edition's stub), 1 any other failure.
 * Errors are one line on stderr, never a stack trace.
 */
@Command(name = "kuibu-mnist", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Train, evaluate and use a neural network that reads handwritten digits (MNIST).",
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, BenchCommand.class,
            DownloadCommand.class, MeasureCommand.class, PeerCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "'kuibu-mnist COMMAND --help' tells a command's options. Exit codes: 0 done, 1 failed, 2 bad input,"
            + " 3 an exercise the command needs is not written yet."})
public final class Main implements Runnable {

    static final int BAD_INPUT = Cli.BAD_INPUT;
    static final int FAILURE = 1;
    /** An exercise the command needs is still the stub the student edition hands out. */
    static final int NOT_WRITTEN = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw Cli.noCommand(spec);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the tool and returns its exit code (tests call this). */
    public static int run(String... args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOverwrittenOptionsAllowed(true);   // like the peers (argparse): a repeated option, the last one wins
        cl.setOut(out);
        cl.setErr(err);
        cl.getSubcommands().get("train").getCommandSpec().usageMessage().description(TrainCommand.description());
        Cli.layout(cl);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Throwable stub = stubIn(e);
            if (stub != null) {
                commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": not yet: " + stub.getMessage());
                commandLine.getErr().flush();
                return NOT_WRITTEN;
            }
            if (e instanceof Trainer.DivergedException diverged) {
                commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + diverged.getMessage() + "; try a smaller --eta, e.g. "
                        + diverged.eta() / 10);
                commandLine.getErr().flush();
                return FAILURE;
            }
            commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + message(e));
            commandLine.getErr().flush();
            return e instanceof DataException || e instanceof IllegalArgumentException
                    || e instanceof java.nio.file.FileSystemException ? BAD_INPUT : FAILURE;
        });
        cl.setParameterExceptionHandler((e, args) -> Cli.usageError(e));
        return cl;
    }

    /** The student edition's stub ("Exercise 5.3 is yours to write: ...") behind {@code e}, or null. */
    private static Throwable stubIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnsupportedOperationException && t.getMessage() != null && t.getMessage().contains(" is yours to write")) {
                return t;
            }
        }
        return null;
    }

    private static String message(Exception e) {
        if (e instanceof java.nio.file.FileSystemException f) {
            // a path the user gave that cannot be read or written: its getMessage() may be the path alone
            return f.getFile() + ": " + AtomicFiles.reason(f);
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
