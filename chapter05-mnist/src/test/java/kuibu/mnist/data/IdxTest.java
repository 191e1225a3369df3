package kuibu.mnist.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IDX reader on generated files: good ones read back exactly, every broken one is one clear line. */
class IdxTest {

    @TempDir
    Path dir;

    private String problem(Runnable read) {
        DataException e = assertThrows(DataException.class, read::run);
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void readsPlainAndGzippedFilesAlike() throws IOException {
        byte[] idx = IdxFiles.images(3, 28, 28);
        Idx.Images plain = Idx.readImages(IdxFiles.write(dir, "a-idx3-ubyte", idx));
        Idx.Images gz = Idx.readImages(IdxFiles.write(dir, "b-idx3-ubyte.gz", IdxFiles.gzip(idx)));
        assertEquals(3, plain.count());
        assertEquals(28, plain.rows());
        assertArrayEquals(plain.pixels(), gz.pixels());
        assertEquals((byte) (5 * 37), plain.pixels()[5]);
        assertArrayEquals(new byte[] {7, 0, 9}, Idx.readLabels(IdxFiles.write(dir, "l.gz", IdxFiles.gzip(IdxFiles.labels(7, 0, 9)))));
    }

    @Test
    void wrongMagicNumber() throws IOException {
        byte[] idx = IdxFiles.images(2, 28, 28);
        idx[2] = 0x0D;   // type float
        String m = problem(() -> Idx.readImages(uncheckedWrite("x-images", idx)));
        assertTrue(m.startsWith("x-images: not an IDX file") && m.contains("0x00000D03"), m);
    }

    @Test
    void pngIsNotIdx() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
        assertTrue(problem(() -> Idx.readLabels(uncheckedWrite("digit.png", png))).startsWith("digit.png: not an IDX file"));
    }

    @Test
    void truncatedHeader() throws IOException {
        assertTrue(problem(() -> Idx.readImages(uncheckedWrite("h", new byte[] {0, 0}))).startsWith("h: truncated"));
        byte[] cut = IdxFiles.cut(IdxFiles.images(2, 28, 28), 10);
        String m = problem(() -> Idx.readImages(uncheckedWrite("h2", cut)));
        assertTrue(m.contains("truncated: the header needs 16 bytes, file holds 10"), m);
    }

    @Test
    void truncatedImagesSayHowMuchIsThere() throws IOException {
        byte[] idx = IdxFiles.images(3, 28, 28);
        byte[] cut = IdxFiles.cut(idx, idx.length - 235);   // 2.7 images left
        String m = problem(() -> Idx.readImages(uncheckedWrite("train-images-idx3-ubyte.gz", gz(cut))));
        assertEquals("train-images-idx3-ubyte.gz: truncated: header says 3 images of 28x28, file holds 2.7", m);
    }

    @Test
    void truncatedLabels() throws IOException {
        byte[] cut = IdxFiles.cut(IdxFiles.labels(1, 2, 3, 4), 10);
        assertEquals("l: truncated: header says 4 labels, file holds 2", problem(() -> Idx.readLabels(uncheckedWrite("l", cut))));
    }

    @Test
    void extraBytesAfterTheData() throws IOException {
        byte[] idx = IdxFiles.images(1, 28, 28);
        byte[] longer = java.util.Arrays.copyOf(idx, idx.length + 5);
        assertTrue(problem(() -> Idx.readImages(uncheckedWrite("i", longer))).contains("5 bytes after the last of the 1 images"));
    }

    @Test
    void labelOutOfRange() throws IOException {
        String m = problem(() -> Idx.readLabels(uncheckedWrite("labels", IdxFiles.labels(3, 12, 4))));
        assertEquals("labels: label 12 at index 1 is not a digit 0-9", m);
    }

    @Test
    void wrongNumberOfDimensions() throws IOException {
        assertTrue(problem(() -> Idx.readImages(uncheckedWrite("l", IdxFiles.labels(1, 2)))).contains("not an image file"));
        assertTrue(problem(() -> Idx.readLabels(uncheckedWrite("i", IdxFiles.images(1, 2, 2)))).contains("not a label file"));
    }

    @Test
    void corruptAndCutGzip() throws IOException {
        byte[] gz = IdxFiles.gzip(IdxFiles.images(4, 28, 28));
        byte[] cut = IdxFiles.cut(gz, gz.length / 2);
        assertTrue(problem(() -> Idx.readImages(uncheckedWrite("cut.gz", cut))).startsWith("cut.gz: truncated: the gzip stream ends early"));
        byte[] corrupt = gz.clone();
        for (int i = 12; i < 40; i++) {
            corrupt[i] = (byte) 0xFF;
        }
        assertTrue(problem(() -> Idx.readImages(uncheckedWrite("bad.gz", corrupt))).startsWith("bad.gz: "));
    }

    @Test
    void missingFile() {
        assertTrue(problem(() -> Idx.readImages(dir.resolve("nothing.gz"))).endsWith("nothing.gz: no such file"));
    }

    @Test
    void mnistFolderChecksCountsAndSizes() throws IOException {
        SyntheticDigits.writeFolder(dir, 20, 10, 3);
        Mnist ok = Mnist.load(dir);
        assertEquals(20, ok.train().size());
        assertEquals(10, ok.test().size());
        IdxFiles.write(dir, Mnist.TEST_LABELS, IdxFiles.gzip(IdxFiles.labels(1, 2, 3)));
        assertEquals("t10k-images-idx3-ubyte.gz holds 10 images but t10k-labels-idx1-ubyte.gz holds 3 labels",
                problem(() -> Mnist.load(dir)));
        IdxFiles.write(dir, Mnist.TEST_IMAGES, IdxFiles.gzip(IdxFiles.images(3, 32, 32)));
        assertEquals("t10k-images-idx3-ubyte.gz: expected 28x28 images, got 32x32", problem(() -> Mnist.load(dir)));
        java.nio.file.Files.delete(dir.resolve(Mnist.TEST_IMAGES));
        String m = problem(() -> Mnist.load(dir));
        assertTrue(m.contains("t10k-images-idx3-ubyte.gz: missing") && m.contains("download") && m.contains("KUIBU_MNIST_DIR"), m);
    }

    private static byte[] gz(byte[] bytes) {
        try {
            return IdxFiles.gzip(bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path uncheckedWrite(String name, byte[] bytes) {
        try {
            return IdxFiles.write(dir, name, bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
