package kuibu.grading.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Where the student's code runs (the test JVM) and where it is compiled (javac's JVM): inside an
 * operating-system sandbox when this machine has one, so that even code that slipped past the
 * {@linkplain kuibu.grading.policy.Policy policy} can reach nothing but what grading it needs.
 *
 * <p>On Linux with bubblewrap ({@code bwrap}, Debian's package {@code bubblewrap}): a new mount, PID,
 * network, IPC and UTS namespace; the system's programs and libraries, the JDK and the grader's class
 * path read-only; of the grading run only the folders named for the process (read-only, or writable for
 * its own scratch folder); a private {@code /tmp}; no network at all; and every process it starts dies
 * with it. Limits on processes, file size and open files come from {@code prlimit}. When the grader
 * runs as root, student code never does: it runs as an unprivileged user ({@code --run-as}, default
 * {@code nobody}, through {@code setpriv}), who cannot write the grader's results. Where bubblewrap is
 * missing or does not work (macOS, Windows, many containers), the grader still grades, and every report
 * says that the code ran without an operating-system sandbox.
 */
public final class Sandbox {

    /** How hard to try. */
    public enum Mode { AUTO, REQUIRED, OFF }

    /** Largest file the sandboxed process may write. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    /** Processes and threads the sandboxed process may start beyond those its user already runs. */
    static final int EXTRA_TASKS = 512;

    private static final List<String> SYSTEM_DIRS = List.of("/usr", "/etc", "/lib", "/lib64", "/lib32", "/bin", "/sbin");

    private final boolean bubblewrap;
    private final List<String> runAs;     // setpriv ... (empty: same user)
    private final Integer uid;            // the user student code runs as, when not the grader's
    private final Integer gid;
    private final boolean limits;
    private final List<Path> readOnly;
    private final String description;

    private Sandbox(boolean bubblewrap, List<String> runAs, Integer uid, Integer gid, boolean limits, List<Path> readOnly,
                    String description) {
        this.bubblewrap = bubblewrap;
        this.runAs = runAs;
        this.uid = uid;
        this.gid = gid;
        this.limits = limits;
        this.readOnly = readOnly;
        this.description = description;
    }

    /** Whether student code will run as another user than the grader's under {@code mode} (the grader runs as root on Linux). */
    static boolean dropsPrivileges(Mode mode) {
        return mode != Mode.OFF && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux") && isRoot();
    }

    /** No sandbox: for the course's own code, which is trusted. */
    static Sandbox none() {
        return new Sandbox(false, List.of(), null, null, false, List.of(), "none");
    }

    /**
     * The best sandbox this machine offers under {@code mode}, for processes that read {@code readOnly}
     * (the grader's class path, the compiled course); {@code runAsUser} names the unprivileged user when
     * the grader runs as root (null: {@code nobody}).
     */
    static Sandbox detect(Mode mode, String runAsUser, List<Path> readOnly) throws IOException, InterruptedException {
        if (mode == Mode.OFF) {
            return new Sandbox(false, List.of(), null, null, false, List.of(),
                    "none (turned off with --sandbox off): student code ran with the grader's own rights");
        }
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        List<String> runAs = List.of();
        Integer uid = null;
        Integer gid = null;
        String who = "the grader's user";
        if (linux && isRoot()) {
            String user = runAsUser == null ? "nobody" : runAsUser;
            int[] ids = ids(user);
            if (ids == null || !onPath("setpriv")) {
                return unavailable(mode, "the grader runs as root and cannot run student code as " + user
                        + (ids == null ? " (no such user)" : " (no setpriv)"));
            }
            uid = ids[0];
            gid = ids[1];
            runAs = List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--no-new-privs", "--");
            who = "user " + user;
        } else if (runAsUser != null) {
            return unavailable(mode, "--run-as needs the grader to run as root on Linux");
        }
        boolean limits = linux && onPath("prlimit");
        Sandbox plain = new Sandbox(false, runAs, uid, gid, limits, List.copyOf(readOnly), "");
        if (!linux || !onPath("bwrap")) {
            String why = linux ? "bubblewrap (bwrap) is not installed; on Debian or Ubuntu: sudo apt-get install bubblewrap"
                    : "no operating-system sandbox on " + System.getProperty("os.name");
            if (mode == Mode.REQUIRED) {
                throw new IllegalStateException("--sandbox required: " + why);
            }
            return plain.described("none (" + why + "): student code ran as " + who
                    + (limits ? ", with limits on processes and file size" : "") + ", kept in check by the policy alone");
        }
        Sandbox boxed = new Sandbox(true, runAs, uid, gid, limits, List.copyOf(readOnly), "");
        Path probe = Files.createTempDirectory("kuibu-sandbox-probe-");
        try {
            boxed.prepareWritable(probe);
            Process p = new ProcessBuilder(boxed.wrap(List.of("/bin/sh", "-c", "exit 0"), List.of(), probe)).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                String why = "bubblewrap does not work here (" + (output.isEmpty() ? "exit code " + p.exitValue()
                        : output.lines().findFirst().orElse("")) + ")";
                if (mode == Mode.REQUIRED) {
                    throw new IllegalStateException("--sandbox required: " + why);
                }
                return plain.described("none (" + why + "): student code ran as " + who + ", kept in check by the policy alone");
            }
        } finally {
            kuibu.grading.StudentEdition.deleteTree(probe);
        }
        return boxed.described("bubblewrap: student code ran as " + who + " with no network, a read-only view of the system"
                + " and of its own classes, a private scratch folder, limits on processes and file size"
                + ", and every process it started stopped with it");
    }

    private static Sandbox unavailable(Mode mode, String why) {
        if (mode == Mode.REQUIRED) {
            throw new IllegalStateException("--sandbox required: " + why);
        }
        return new Sandbox(false, List.of(), null, null, false, List.of(), "none (" + why + ")");
    }

    private Sandbox described(String text) {
        return new Sandbox(bubblewrap, runAs, uid, gid, limits, readOnly, text);
    }

    /** One sentence for the reports: which sandbox student code ran in. */
    String description() {
        return description;
    }

    boolean isolated() {
        return bubblewrap;
    }

    /** Whether student code runs as another user than the grader (who then must hand it its folders). */
    boolean dropsPrivileges() {
        return uid != null;
    }

    /**
     * {@code command} as it runs in the sandbox: reading the system, the grader's class path and
     * {@code visible}, writing {@code writable} (which it also starts in).
     */
    List<String> wrap(List<String> command, List<Path> visible, Path writable) throws IOException {
        List<String> line = new ArrayList<>();
        if (limits) {
            line.addAll(List.of("prlimit", "--nproc=" + (tasksOf(uid == null ? currentUid() : uid) + EXTRA_TASKS),
                    "--fsize=" + MAX_FILE_BYTES, "--nofile=1024", "--core=0", "--"));
        }
        line.addAll(runAs);
        if (bubblewrap) {
            line.addAll(List.of("bwrap", "--unshare-all", "--die-with-parent", "--new-session", "--dev", "/dev", "--proc", "/proc",
                    "--tmpfs", "/tmp"));
            Set<String> bound = new LinkedHashSet<>();
            for (String dir : SYSTEM_DIRS) {
                Path p = Path.of(dir);
                if (Files.isSymbolicLink(p)) {
                    line.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), dir));
                } else if (Files.isDirectory(p)) {
                    line.addAll(List.of("--ro-bind", dir, dir));
                }
                bound.add(dir);
            }
            List<Path> reads = new ArrayList<>();
            reads.add(Path.of(System.getProperty("java.home")).toRealPath());
            reads.addAll(readOnly);
            reads.addAll(visible);
            for (Path p : reads) {
                Path real = p.toAbsolutePath().normalize();
                if (Files.exists(real) && SYSTEM_DIRS.stream().noneMatch(d -> real.startsWith(d + "/")) && bound.add(real.toString())) {
                    line.addAll(List.of("--ro-bind", real.toString(), real.toString()));
                }
            }
            String w = writable.toAbsolutePath().normalize().toString();
            line.addAll(List.of("--bind", w, w, "--chdir", w, "--setenv", "HOME", w, "--setenv", "TMPDIR", w, "--"));
        }
        line.addAll(command);
        return line;
    }

    /** Makes {@code dir} (and the folders above it in the grading run) usable by the user student code runs as. */
    void prepareWritable(Path dir) throws IOException {
        if (uid == null) {
            return;
        }
        Files.createDirectories(dir);
        for (Path p = dir.getParent(); p != null && !p.equals(p.getRoot()); p = p.getParent()) {
            if (Files.getOwner(p).getName().equals("root") && p.getFileName().toString().startsWith("kuibu-")) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx--x--x"));
            }
        }
        Files.setAttribute(dir, "unix:uid", uid);
        Files.setAttribute(dir, "unix:gid", gid);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }

    /** Takes {@code dir} back from the user student code ran as: from now on it may only read it. */
    void reclaim(Path dir) throws IOException {
        if (uid == null || !Files.exists(dir)) {
            return;
        }
        UserPrincipal me = Files.getOwner(dir.getParent());
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.toList()) {
                Files.setOwner(f, me);
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(Files.isDirectory(f) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    /** Makes a folder of the grading run readable by other users (the one student code will run as). */
    static void shareReadOnly(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.toList()) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(Files.isDirectory(f) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        for (Path p = dir.getParent(); p != null && !p.equals(p.getRoot()); p = p.getParent()) {
            if (p.getFileName().toString().startsWith("kuibu-")) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx--x--x"));
            }
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name")) || currentUid() == 0;
    }

    private static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** {uid, gid} of {@code user}, from {@code id}, or null when there is no such user. */
    private static int[] ids(String user) throws IOException, InterruptedException {
        if (!user.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*")) {
            return null;
        }
        String uid = run("id", "-u", user);
        String gid = run("id", "-g", user);
        if (uid == null || gid == null) {
            return null;
        }
        return new int[] {Integer.parseInt(uid), Integer.parseInt(gid)};
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        return p.waitFor() == 0 && out.matches("\\d+") ? out : null;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** How many processes and threads {@code uid} runs now: a process limit counts them all. */
    private static int tasksOf(int uid) {
        int tasks = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    if ((Integer) Files.getAttribute(p, "unix:uid") == uid) {
                        try (Stream<Path> threads = Files.list(p.resolve("task"))) {
                            tasks += (int) threads.count();
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return 4096;
        }
        return tasks;
    }
}
