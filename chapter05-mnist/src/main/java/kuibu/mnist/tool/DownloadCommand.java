package kuibu.mnist.tool;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import kuibu.mnist.data.Mnist;
import kuibu.tools.Cli;
import kuibu.tools.Steps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code download}: fetches the four MNIST files over HTTPS into the data folder. Each file goes to
 * {@code NAME.part} first (an interrupted download resumes from there), is checked against its
 * published SHA-256, and only then renamed to its real name. Files already present and correct are
 * kept.
 */
@Command(name = "download", mixinStandardHelpOptions = true,
        header = "Download the four MNIST files and verify their checksums.",
        description = {"Fetches the files (about 11 MB) over HTTPS into the data folder (default: $KUIBU_MNIST_DIR, else"
            + " ~/.cache/kuibu/mnist) and checks each against its published SHA-256. Files already there and correct are"
            + " kept; an interrupted download resumes."})
final class DownloadCommand implements Callable<Integer> {

    /** Public mirrors of the original files (Google's CVDF mirror, the PyTorch project's mirror). */
    static final List<String> MIRRORS = List.of(
            "https://storage.googleapis.com/cvdf-datasets/mnist/",
            "https://ossci-datasets.s3.amazonaws.com/mnist/");

    /** The published SHA-256 of each gzipped file. */
    static final Map<String, String> SHA256 = Map.of(
            Mnist.TRAIN_IMAGES, "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
            Mnist.TRAIN_LABELS, "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
            Mnist.TEST_IMAGES, "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
            Mnist.TEST_LABELS, "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6");

    static final int ATTEMPTS = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "where to put the files")
    String data;

    @Option(names = "--mirror", paramLabel = "URL", description = "base URL to fetch from instead of the built-in mirrors (ends with /)")
    String mirror;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<String> mirrors = mirror != null ? List.of(mirrorBase(mirror)) : MIRRORS;
        Path dir = Mnist.directory(data);
        Files.createDirectories(dir);
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20)).build();
        List<String> missing = new java.util.ArrayList<>();
        for (String file : Mnist.FILES) {
            Path target = dir.resolve(file);
            if (Files.isRegularFile(target) && sha256(target).equals(SHA256.get(file))) {
                out.println(file + ": present and verified");
            } else {
                missing.add(file);
            }
        }
        out.flush();
        boolean terminal = Steps.isTerminal();
        // on a terminal each file has a bar of its own (its bytes); the steps are lines
        try (Steps steps = new Steps("download", missing.size(), spec.commandLine().getErr(), false)) {
            for (String file : missing) {
                steps.begin(file);
                fetch(client, mirrors, file, SHA256.get(file), dir.resolve(file), out, 1000, terminal);
            }
        }
        out.println("MNIST is in " + dir + " (pass --data " + dir + " or set " + Mnist.ENV + ")");
        return 0;
    }

    /** {@code --mirror}'s URL as a base to add file names to; anything but an http(s) URL is a usage error. */
    private String mirrorBase(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw Cli.bad(spec, "--mirror " + url + ": not a URL (" + e.getReason() + ")");
        }
        if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT))
                || uri.getHost() == null) {
            throw Cli.bad(spec, "--mirror " + url + ": expected an http or https URL, such as " + MIRRORS.get(0));
        }
        return url.endsWith("/") ? url : url + "/";
    }

    static void fetch(HttpClient client, List<String> mirrors, String file, String expectedSha, Path target,
                      PrintWriter out, long pauseMillis) throws IOException, InterruptedException {
        fetch(client, mirrors, file, expectedSha, target, out, pauseMillis, false);
    }

    /**
     * Fetches {@code file} from the first mirror that delivers it with the expected SHA-256, trying each
     * {@link #ATTEMPTS} times, {@code pauseMillis} × attempt apart; renames it to {@code target} only then.
     */
    static void fetch(HttpClient client, List<String> mirrors, String file, String expectedSha, Path target,
                      PrintWriter out, long pauseMillis, boolean bar) throws IOException, InterruptedException {
        Path part = target.resolveSibling(file + ".part");
        String lastProblem = "";
        for (String base : mirrors) {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                try {
                    download(client, URI.create(base + file), part, bar ? file : null);
                    String sha = sha256(part);
                    if (!sha.equals(expectedSha)) {
                        Files.deleteIfExists(part);
                        lastProblem = base + file + ": SHA-256 " + sha + " does not match the published " + expectedSha;
                        out.println(lastProblem);
                        break;
                    }
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    out.println(file + ": downloaded from " + base + " and verified");
                    return;
                } catch (IOException e) {
                    lastProblem = base + file + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                    out.println(lastProblem + " (attempt " + attempt + " of " + ATTEMPTS + ")");
                    Thread.sleep(pauseMillis * attempt);
                }
            }
        }
        throw new IOException("could not download " + file + " (" + lastProblem + "). Offline? Copy the four MNIST"
                + " files into " + target.getParent() + " by hand, or pass --data DIR / set " + Mnist.ENV + ".");
    }

    /**
     * GET into {@code part}, continuing where an earlier attempt stopped when the server allows it; with a bar
     * named {@code bar} (its bytes) unless that is null.
     */
    private static void download(HttpClient client, URI uri, Path part, String bar) throws IOException, InterruptedException {
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        int status = response.statusCode();
        boolean append = status == 206;
        if (status == 416) {
            // the part file is already complete (or longer than the file): start over if the hash disagrees
            response.body().close();
            return;
        }
        if (status != 200 && status != 206) {
            response.body().close();
            throw new IOException("HTTP " + status);
        }
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        try (InputStream in = bar == null ? response.body() : me.tongfei.progressbar.ProgressBar.wrap(response.body(),
                new me.tongfei.progressbar.ProgressBarBuilder().setTaskName(bar).setInitialMax(length)
                        .setStyle(me.tongfei.progressbar.ProgressBarStyle.ASCII).setUnit(" MB", 1 << 20).showSpeed());
             OutputStream o = Files.newOutputStream(part, StandardOpenOption.CREATE,
                     append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            in.transferTo(o);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
