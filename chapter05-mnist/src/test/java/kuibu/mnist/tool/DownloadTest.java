package kuibu.mnist.tool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The download logic against a server on this machine (no network): resuming a partial file with a
 * Range request, retrying a failing server, and refusing a file whose SHA-256 is wrong.
 */
class DownloadTest {

    @TempDir
    Path dir;

    private final byte[] content = new byte[100_000];
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger rangeRequests = new AtomicInteger();
    private HttpServer server;
    private String base;

    @BeforeEach
    void serve() throws IOException {
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31 + 7);
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            if (failuresLeft.getAndDecrement() > 0) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            String range = exchange.getRequestHeaders().getFirst("Range");
            int from = 0;
            if (range != null) {
                rangeRequests.incrementAndGet();
                from = Integer.parseInt(range.replace("bytes=", "").replace("-", ""));
            }
            byte[] body = Arrays.copyOfRange(content, from, content.length);
            exchange.sendResponseHeaders(range != null ? 206 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void fetch(String sha) throws Exception {
        DownloadCommand.fetch(HttpClient.newHttpClient(), List.of(base), "f.gz", sha, dir.resolve("f.gz"),
                new PrintWriter(new StringWriter()), 1);
    }

    @Test
    void resumesAPartialFile() throws Exception {
        Files.write(dir.resolve("f.gz.part"), Arrays.copyOf(content, 40_000));
        fetch(sha(content));
        assertArrayEquals(content, Files.readAllBytes(dir.resolve("f.gz")));
        assertEquals(1, rangeRequests.get(), "the second half was asked for with a Range header");
        assertFalse(Files.exists(dir.resolve("f.gz.part")));
    }

    @Test
    void retriesAServerError() throws Exception {
        failuresLeft.set(2);
        fetch(sha(content));
        assertArrayEquals(content, Files.readAllBytes(dir.resolve("f.gz")));
    }

    @Test
    void refusesAWrongChecksum() {
        IOException e = assertThrows(IOException.class, () -> fetch("00".repeat(32)));
        assertTrue(e.getMessage().contains("does not match the published") && e.getMessage().contains("--data"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("f.gz")), "a file that fails its check is never renamed into place");
    }

    private static String sha(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
