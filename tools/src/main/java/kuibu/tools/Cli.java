package kuibu.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command line's conventions, the same in both of the course's jars: a usage error is one line naming the argument and what is wrong
 * ("did you mean" for a misspelt command or option), then a pointer to {@code --help}, and exit code 2.
 */
public final class Cli {

    public static final int BAD_INPUT = 2;

    private Cli() {}

    /** A bad value of {@code option}: ends the command as a usage error, before any work. */
    public static CommandLine.ParameterException bad(CommandSpec spec, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** Prints a usage error as the convention says and returns exit code 2. */
    public static int usageError(CommandLine.ParameterException e) {
        CommandLine c = e.getCommandLine();
        PrintWriter err = c.getErr();
        err.println(c.getCommandSpec().qualifiedName() + ": " + message(e));
        err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return BAD_INPUT;
    }

    private static String message(CommandLine.ParameterException e) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        // a misspelt option first: it is why a required one looks missing
        List<String> unmatched = e instanceof CommandLine.UnmatchedArgumentException u ? u.getUnmatched()
                : e.getCommandLine().getUnmatchedArguments();
        if (!unmatched.isEmpty()) {
            String typed = unmatched.get(0);
            String name = typed.contains("=") && typed.startsWith("-") ? typed.substring(0, typed.indexOf('=')) : typed;
            if (name.startsWith("-")) {
                return "unknown option '" + name + "'" + didYouMean(name, optionNames(spec));
            }
            if (!visibleCommands(spec).isEmpty()) {
                return "'" + name + "' is not a command" + didYouMean(name, visibleCommands(spec));
            }
            return "unexpected argument '" + name + "'";
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    /** "; did you mean 'train'?" for the nearest of {@code candidates}, or "" if none is near. */
    public static String didYouMean(String typed, Collection<String> candidates) {
        List<String> near = nearest(typed, candidates);
        return near.isEmpty() ? "" : "; did you mean '" + String.join("' or '", near) + "'?";
    }

    /** The candidates closest to {@code typed} by edit distance (a swap of two letters is one edit), if close enough. */
    public static List<String> nearest(String typed, Collection<String> candidates) {
        String t = typed.toLowerCase(Locale.ROOT);
        String bare = t.replaceFirst("^-+", "");
        int best = Integer.MAX_VALUE;
        List<String> found = new ArrayList<>();
        for (String c : candidates) {
            int d = distance(t, c.toLowerCase(Locale.ROOT));
            if (c.toLowerCase(Locale.ROOT).startsWith(t) && bare.length() >= 3) {
                d = Math.min(d, 1);   // a command or option cut short
            }
            if (d < best) {
                best = d;
                found.clear();
            }
            if (d == best) {
                found.add(c);
            }
        }
        int allowed = Math.max(1, bare.length() / 3);
        return best <= allowed ? found.subList(0, Math.min(2, found.size())) : List.of();
    }

    /** Damerau-Levenshtein distance (optimal string alignment). */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** The commands {@code --help} lists (not the hidden ones), in its order. */
    public static List<String> visibleCommands(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        spec.subcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden() && name.equals(sub.getCommandName())) {
                names.add(name);
            }
        });
        return names;
    }

    private static List<String> optionNames(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (!o.hidden()) {
                for (String n : o.names()) {
                    if (n.startsWith("--")) {
                        names.add(n);
                    }
                }
            }
        }
        return names;
    }

    /**
     * Every command's help as a Unix tool's reads: the usage line first, then the one-line summary (the
     * command's header, which the command list shows), then the details after a blank line.
     */
    public static void layout(CommandLine cl) {
        List<String> keys = new ArrayList<>(cl.getCommandSpec().usageMessage().sectionKeys());
        keys.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER);
        keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS) + 1,
                CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER);
        cl.getCommandSpec().usageMessage().sectionKeys(keys);
        if (cl.getCommandSpec().usageMessage().header().length > 0) {
            cl.getCommandSpec().usageMessage().descriptionHeading("%n");
        }
        cl.getCommandSpec().usageMessage().optionListHeading("%nOptions:%n");
        String[] description = cl.getCommandSpec().usageMessage().description();
        if (description.length > 1 && java.util.Arrays.stream(description).noneMatch(String::isBlank)) {
            // paragraphs, each a whole sentence or more: a blank line between them (a table lays out its own lines)
            List<String> spaced = new ArrayList<>();
            for (String paragraph : description) {
                if (!spaced.isEmpty()) {
                    spaced.add("");
                }
                spaced.add(paragraph);
            }
            cl.getCommandSpec().usageMessage().description(spaced.toArray(String[]::new));
        }
        cl.getSubcommands().values().forEach(Cli::layout);
    }

    /** The error when a tool is run with no command: the commands there are, and where to read about them. */
    public static CommandLine.ParameterException noCommand(CommandSpec spec) {
        List<String> commands = new ArrayList<>(visibleCommands(spec));
        commands.remove("help");
        return bad(spec, "no command given; the commands are " + String.join(", ", commands));
    }

    /** {@code --version}: the build's version of the tool and, where the build knew it, the commit. */
    public static final class Version implements CommandLine.IVersionProvider {
        @CommandLine.Spec
        CommandSpec spec;

        @Override
        public String[] getVersion() throws IOException {
            return new String[] {spec.root().name() + " " + describe(Cli.class, "version.properties")};
        }
    }

    /** "1.0-SNAPSHOT (commit 4970cc1da4)" from the filtered {@code properties} resource beside {@code type}. */
    public static String describe(Class<?> type, String properties) throws IOException {
        Properties p = new Properties();
        try (InputStream in = type.getResourceAsStream(properties)) {
            if (in != null) {
                p.load(in);
            }
        }
        String version = known(p.getProperty("version"), "(version unknown: not built by Maven)");
        String commit = known(p.getProperty("commit"), null);
        return commit == null ? version : version + " (commit " + commit + ")";
    }

    private static String known(String value, String otherwise) {
        return value == null || value.isBlank() || value.contains("${") || value.equals("unknown") ? otherwise : value;
    }
}
