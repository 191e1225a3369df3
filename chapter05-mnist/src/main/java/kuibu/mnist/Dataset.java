package kuibu.mnist;

/**
 * Labelled images kept as the bytes they came in: 60,000 MNIST images are 47 MB as bytes but
 * 376 MB as doubles, so pixels are turned into numbers in [0, 1] one mini-batch at a time.
 */
public final class Dataset {

    /** 784 = 28 × 28 pixels per image. */
    public static final int PIXELS = 28 * 28;

    private final String name;
    private final byte[] pixels;
    private final byte[] labels;
    private final int offset;
    private final int size;

    /** Pixel value v (0..255) as the input v/255, looked up rather than divided. */
    private static final double[] SCALE = new double[256];

    static {
        for (int v = 0; v < 256; v++) {
            SCALE[v] = v / 255.0;
        }
    }

    public Dataset(String name, byte[] pixels, byte[] labels) {
        this(name, pixels, labels, 0, labels.length);
        if (pixels.length != (long) labels.length * PIXELS) {
            throw new IllegalArgumentException(name + ": expected " + labels.length + " images of " + PIXELS
                    + " pixels, got " + pixels.length + " bytes");
        }
    }

    private Dataset(String name, byte[] pixels, byte[] labels, int offset, int size) {
        this.name = name;
        this.pixels = pixels;
        this.labels = labels;
        this.offset = offset;
        this.size = size;
    }

    public String name() {
        return name;
    }

    public int size() {
        return size;
    }

    public int label(int i) {
        return labels[offset + check(i)];
    }

    /** Pixel k of image i as a number in [0, 1]. */
    public double pixel(int i, int k) {
        return SCALE[pixels[(offset + check(i)) * PIXELS + k] & 0xff];
    }

    /** Image i as 784 inputs in [0, 1]. */
    public double[] image(int i) {
        double[] x = new double[PIXELS];
        copyImage(i, x, 0);
        return x;
    }

    /** Writes image i as 784 inputs into {@code x} from {@code at}. */
    void copyImage(int i, double[] x, int at) {
        int from = (offset + check(i)) * PIXELS;
        for (int k = 0; k < PIXELS; k++) {
            x[at + k] = SCALE[pixels[from + k] & 0xff];
        }
    }

    /** Images [from, to) as a dataset sharing these bytes. */
    public Dataset slice(int from, int to, String sliceName) {
        if (from < 0 || to > size || from > to) {
            throw new IllegalArgumentException("slice [" + from + ", " + to + ") of " + size + " images");
        }
        return new Dataset(sliceName, pixels, labels, offset + from, to - from);
    }

    /** The first n images (all of them if there are fewer). */
    public Dataset first(int n) {
        return n >= size ? this : slice(0, n, name + " (first " + n + ")");
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("image " + i + " of " + size + " in " + name);
        }
        return i;
    }

    @Override
    public String toString() {
        return name + " (" + size + " images)";
    }
}
