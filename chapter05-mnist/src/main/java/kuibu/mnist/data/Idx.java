package kuibu.mnist.data;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format MNIST comes in: a 4-byte magic number (two zero bytes, a type code,
 * the number of dimensions), one big-endian 32-bit count per dimension, then the data, row-major.
 * MNIST uses type 0x08 (unsigned bytes): images are 3-dimensional (count × 28 × 28), labels
 * 1-dimensional. Files may be gzipped (recognised by their first two bytes, whatever their name).
 *
 * <p>Everything is checked, and a problem is one line naming the file: a wrong magic number, a
 * missing or truncated header, a file that holds fewer or more bytes than its header promises.
 */
public final class Idx {

    /** The type code of unsigned bytes, the only one MNIST uses. */
    static final int UNSIGNED_BYTE = 0x08;

    private Idx() {}

    /** What an IDX header says: the type code and the size of each dimension. */
    public record Header(int type, int[] dimensions) {

        /** The header's length in bytes: the magic number and one int per dimension. */
        public int length() {
            return 4 + 4 * dimensions.length;
        }

        /** The number of data bytes the header promises. */
        public long dataLength() {
            long n = 1;
            for (int d : dimensions) {
                n *= d;
            }
            return n;
        }
    }

    // tag::header[]
    /**
     * Parses the header at the start of {@code bytes}. Expects the magic number 0x0000 08 nn (two
     * zero bytes, type 0x08, nn dimensions, 1 to 3) and nn big-endian non-negative counts.
     *
     * @throws DataException naming {@code file} when the header is wrong or incomplete
     */
    public static Header header(byte[] bytes, String file) {
        // BEGIN SOLUTION 5.1
        if (bytes.length < 4) {
            throw new DataException(file + ": truncated: " + bytes.length
                    + " bytes, too short for an IDX magic number");
        }
        int magic = bigEndianInt(bytes, 0);
        int type = bytes[2] & 0xff;
        int dims = bytes[3] & 0xff;
        if (bytes[0] != 0 || bytes[1] != 0 || type != UNSIGNED_BYTE || dims < 1 || dims > 3) {
            throw new DataException(String.format("%s: not an IDX file of unsigned bytes: "
                    + "magic number 0x%08X, expected 0x00000801 (labels)"
                    + " or 0x00000803 (images)", file, magic));
        }
        if (bytes.length < 4 + 4 * dims) {
            throw new DataException(file + ": truncated: the header needs " + (4 + 4 * dims)
                    + " bytes, file holds " + bytes.length);
        }
        int[] dimensions = new int[dims];
        for (int i = 0; i < dims; i++) {
            dimensions[i] = bigEndianInt(bytes, 4 + 4 * i);
            if (dimensions[i] < 0) {
                throw new DataException(file + ": dimension " + (i + 1)
                        + " is negative (" + dimensions[i] + ")");
            }
        }
        return new Header(type, dimensions);
        // END SOLUTION
    }
    // end::header[]

    static int bigEndianInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) << 24 | (bytes[offset + 1] & 0xff) << 16
                | (bytes[offset + 2] & 0xff) << 8 | (bytes[offset + 3] & 0xff);
    }

    /** Images: count × rows × cols unsigned bytes, row-major, one image after the other. */
    public record Images(int count, int rows, int cols, byte[] pixels) {}

    /** Reads an image file (magic 0x00000803) and checks that its size matches its header exactly. */
    public static Images readImages(Path path) {
        String file = path.getFileName().toString();
        byte[] bytes = readAll(path);
        Header h = header(bytes, file);
        if (h.dimensions().length != 3) {
            throw new DataException(file + ": not an image file: it has " + h.dimensions().length
                    + " dimension(s), images have 3 (count, rows, columns)");
        }
        int count = h.dimensions()[0];
        int rows = h.dimensions()[1];
        int cols = h.dimensions()[2];
        long data = bytes.length - h.length();
        long expected = h.dataLength();
        long perImage = (long) rows * cols;
        if (data < expected) {
            throw new DataException(String.format("%s: truncated: header says %d images of %dx%d, file holds %s",
                    file, count, rows, cols, perImage == 0 ? "less" : String.format("%.1f", Math.floor(10.0 * data / perImage) / 10)));
        }
        if (data > expected) {
            throw new DataException(String.format("%s: %d bytes after the last of the %d images the header announces",
                    file, data - expected, count));
        }
        byte[] pixels = new byte[(int) expected];
        System.arraycopy(bytes, h.length(), pixels, 0, pixels.length);
        return new Images(count, rows, cols, pixels);
    }

    /** Reads a label file (magic 0x00000801); every label must be a digit 0..9. */
    public static byte[] readLabels(Path path) {
        String file = path.getFileName().toString();
        byte[] bytes = readAll(path);
        Header h = header(bytes, file);
        if (h.dimensions().length != 1) {
            throw new DataException(file + ": not a label file: it has " + h.dimensions().length
                    + " dimensions, labels have 1");
        }
        int count = h.dimensions()[0];
        long data = bytes.length - h.length();
        if (data < count) {
            throw new DataException(file + ": truncated: header says " + count + " labels, file holds " + data);
        }
        if (data > count) {
            throw new DataException(file + ": " + (data - count) + " bytes after the last of the " + count
                    + " labels the header announces");
        }
        byte[] labels = new byte[count];
        System.arraycopy(bytes, h.length(), labels, 0, count);
        for (int i = 0; i < count; i++) {
            if ((labels[i] & 0xff) > 9) {
                throw new DataException(file + ": label " + (labels[i] & 0xff) + " at index " + i + " is not a digit 0-9");
            }
        }
        return labels;
    }

    /** The file's bytes, gunzipped when they start with the gzip magic 1f 8b. */
    static byte[] readAll(Path path) {
        String file = path.getFileName().toString();
        byte[] raw;
        try {
            raw = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new DataException(path + ": no such file");
        } catch (IOException e) {
            throw new DataException(path + ": cannot read: " + e.getMessage(), e);
        }
        if (raw.length < 2 || (raw[0] & 0xff) != 0x1f || (raw[1] & 0xff) != 0x8b) {
            return raw;
        }
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw), 1 << 16)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1 << 16, raw.length * 5));
            in.transferTo(out);
            return out.toByteArray();
        } catch (EOFException e) {
            throw new DataException(file + ": truncated: the gzip stream ends early (incomplete download?)", e);
        } catch (ZipException e) {
            throw new DataException(file + ": corrupt gzip data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new DataException(file + ": cannot decompress: " + e.getMessage(), e);
        }
    }
}
