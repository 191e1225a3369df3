package kuibu.mnist.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * MNIST-shaped stand-in data for where the real digits are absent (tests, JShell, the book's
 * fallback figures): each digit drawn as the strokes of a seven-segment display, shifted, slanted,
 * thickened and sprinkled with noise at random, in 28 × 28 grey bytes. A network learns them
 * quickly; they are not handwriting, and nothing measured on them says anything about MNIST.
 */
public final class SyntheticDigits {

    /** Segments a–g of a seven-segment display as (x1, y1, x2, y2) in a 10 × 18 box. */
    private static final double[][] SEGMENTS = {
        {0, 0, 10, 0}, {10, 0, 10, 9}, {10, 9, 10, 18}, {0, 18, 10, 18}, {0, 9, 0, 18}, {0, 0, 0, 9}, {0, 9, 10, 9}};
    /** Which segments (a..g as bits 0..6) light up for each digit. */
    private static final int[] DIGIT_SEGMENTS = {0x3F, 0x06, 0x5B, 0x4F, 0x66, 0x6D, 0x7D, 0x07, 0x7F, 0x6F};

    private SyntheticDigits() {}

    /** {@code n} images with labels 0..9 in random order, from {@code seed}. */
    public static Dataset generate(int n, long seed, String name) {
        Random random = new Random(seed);
        byte[] pixels = new byte[n * Dataset.PIXELS];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            int digit = random.nextInt(10);
            labels[i] = (byte) digit;
            draw(digit, random, pixels, i * Dataset.PIXELS);
        }
        return new Dataset(name, pixels, labels);
    }

    private static void draw(int digit, Random random, byte[] pixels, int at) {
        double x0 = 9 + random.nextDouble() * 3;
        double y0 = 5 + random.nextDouble() * 2;
        double slant = (random.nextDouble() - 0.5) * 0.4;
        double scale = 0.85 + random.nextDouble() * 0.3;
        double width = 1.2 + random.nextDouble() * 0.8;
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                double best = Double.MAX_VALUE;
                for (int s = 0; s < 7; s++) {
                    if ((DIGIT_SEGMENTS[digit] >> s & 1) == 0) {
                        continue;
                    }
                    double[] seg = SEGMENTS[s];
                    double ax = x0 + scale * (seg[0] - slant * seg[1]);
                    double ay = y0 + scale * seg[1];
                    double bx = x0 + scale * (seg[2] - slant * seg[3]);
                    double by = y0 + scale * seg[3];
                    best = Math.min(best, distance(c, r, ax, ay, bx, by));
                }
                double ink = Math.max(0, Math.min(1, width + 0.5 - best));
                if (ink > 0 && random.nextDouble() < 0.03) {
                    ink *= 0.5;
                }
                pixels[at + r * 28 + c] = (byte) Math.round(255 * ink);
            }
        }
    }

    private static double distance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(px - ax - t * dx, py - ay - t * dy);
    }

    /** Writes {@code data} as a pair of gzipped IDX files, images and labels, named as given. */
    public static void writeIdx(Dataset data, Path images, Path labels) {
        try {
            ByteArrayOutputStream pixels = new ByteArrayOutputStream();
            byte[] label = new byte[data.size()];
            for (int i = 0; i < data.size(); i++) {
                for (int k = 0; k < Dataset.PIXELS; k++) {
                    pixels.write((int) Math.round(data.pixel(i, k) * 255));
                }
                label[i] = (byte) data.label(i);
            }
            write(images, idx(new int[] {data.size(), 28, 28}, pixels.toByteArray()));
            write(labels, idx(new int[] {data.size()}, label));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder laid out like MNIST's: the four standard file names, {@code train} and {@code test} images. */
    public static Path writeFolder(Path dir, int train, int test, long seed) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeIdx(generate(train, seed, "train"), dir.resolve(Mnist.TRAIN_IMAGES), dir.resolve(Mnist.TRAIN_LABELS));
        writeIdx(generate(test, seed + 1, "test"), dir.resolve(Mnist.TEST_IMAGES), dir.resolve(Mnist.TEST_LABELS));
        return dir;
    }

    /** The bytes of an IDX file of unsigned bytes with the given dimensions. */
    static byte[] idx(int[] dimensions, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(0);
        out.write(Idx.UNSIGNED_BYTE);
        out.write(dimensions.length);
        for (int d : dimensions) {
            out.write(d >>> 24);
            out.write(d >>> 16);
            out.write(d >>> 8);
            out.write(d);
        }
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static void write(Path path, byte[] bytes) throws IOException {
        try (OutputStream out = path.toString().endsWith(".gz")
                ? new GZIPOutputStream(Files.newOutputStream(path)) : Files.newOutputStream(path)) {
            out.write(bytes);
        }
    }
}
