package kuibu.mnist.data;

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
    /** Where each image's non-zero pixels are, shared with every slice; worked out on first use. */
    private final NonzeroPixels nonzero;

    /** Pixel value v (0..255) as the input v/255, looked up rather than divided. */
    private static final double[] SCALE = new double[256];

    static {
        for (int v = 0; v < 256; v++) {
            SCALE[v] = v / 255.0;
        }
    }

    public Dataset(String name, byte[] pixels, byte[] labels) {
        this(name, pixels, labels, 0, labels.length, new NonzeroPixels(pixels));
        if (pixels.length != (long) labels.length * PIXELS) {
            throw new IllegalArgumentException(name + ": expected " + labels.length + " images of " + PIXELS
                    + " pixels, got " + pixels.length + " bytes");
        }
    }

    private Dataset(String name, byte[] pixels, byte[] labels, int offset, int size, NonzeroPixels nonzero) {
        this.name = name;
        this.pixels = pixels;
        this.labels = labels;
        this.offset = offset;
        this.size = size;
        this.nonzero = nonzero;
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
        copyImage(i, x);
        return x;
    }

    /** Writes image i as 784 inputs into {@code x}. */
    public void copyImage(int i, double[] x) {
        int from = (offset + check(i)) * PIXELS;
        for (int k = 0; k < PIXELS; k++) {
            x[k] = SCALE[pixels[from + k] & 0xff];
        }
    }

    /**
     * Reads image i's listed pixels, one int per 64-byte cache line, and returns their sum (which
     * means nothing; returning it keeps the reads from being optimised away). A batch of images picked
     * at random is mostly not in any cache: read by this method for all of them first, their misses
     * overlap, where {@link #listImage} would wait for one image after another. Loading a batch took
     * about a quarter less time on MNIST.
     */
    public int prefetch(int i) {
        int image = offset + check(i);
        int[] start = nonzero.start();
        int[] pixel = nonzero.pixels();
        int sum = 0;
        for (int t = start[image]; t < start[image + 1]; t += 16) {
            sum += pixel[t];
        }
        return sum;
    }

    /**
     * Lists image i's non-zero pixels: their indices, in increasing order, into {@code columns}, and their
     * inputs in [0, 1] into {@code values}; returns how many there are. Most pixels are 0, so this is all
     * a sparse product needs of an image, written in one pass over a few hundred consecutive bytes.
     */
    public int listImage(int i, int[] columns, double[] values) {
        int image = offset + check(i);
        int[] start = nonzero.start();
        int[] pixel = nonzero.pixels();
        int from = start[image];
        int count = start[image + 1] - from;
        for (int t = 0; t < count; t++) {
            int entry = pixel[from + t];
            columns[t] = entry >>> 8;
            values[t] = SCALE[entry & 0xff];
        }
        return count;
    }

    /**
     * The non-zero pixels of every image, each as one int, (index k &lt;&lt; 8) | value: image i's are
     * pixels[start[i] .. start[i+1]), in increasing k. Kept together, so that loading an image picked
     * at random reads a few hundred consecutive bytes instead of its 784 and an index beside them.
     */
    private static final class NonzeroPixels {
        private final byte[] bytes;
        private volatile int[] start;
        private int[] pixels;

        NonzeroPixels(byte[] bytes) {
            this.bytes = bytes;
        }

        int[] start() {
            int[] s = start;
            return s != null ? s : build();
        }

        /** Valid once {@link #start} has returned: build() writes it before it publishes start. */
        int[] pixels() {
            return pixels;
        }

        private synchronized int[] build() {
            if (start != null) {
                return start;
            }
            int images = bytes.length / PIXELS;
            int[] from = new int[images + 1];
            int total = 0;
            for (int i = 0; i < images; i++) {
                from[i] = total;
                for (int k = i * PIXELS; k < (i + 1) * PIXELS; k++) {
                    total += bytes[k] != 0 ? 1 : 0;
                }
            }
            from[images] = total;
            int[] all = new int[total];
            int t = 0;
            for (int k = 0; k < bytes.length; k++) {
                if (bytes[k] != 0) {
                    all[t++] = (k % PIXELS) << 8 | (bytes[k] & 0xff);
                }
            }
            pixels = all;
            start = from;
            return from;
        }
    }

    /** Images [from, to) as a dataset sharing these bytes. */
    public Dataset slice(int from, int to, String sliceName) {
        if (from < 0 || to > size || from > to) {
            throw new IllegalArgumentException("slice [" + from + ", " + to + ") of " + size + " images");
        }
        return new Dataset(sliceName, pixels, labels, offset + from, to - from, nonzero);
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
