package kuibu.mnist.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The four MNIST files and where to find them: {@code --data DIR}, else the environment variable
 * {@code KUIBU_MNIST_DIR}, else the user cache {@code ~/.cache/kuibu/mnist}.
 *
 * @param train the 60,000 training images (Nielsen trains on the first 50,000)
 * @param test the 10,000 test images
 */
public record Mnist(Dataset train, Dataset test) {

    public static final String ENV = "KUIBU_MNIST_DIR";
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";
    public static final java.util.List<String> FILES = java.util.List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    /** Held out from the end of the training images to choose hyper-parameters on, as Nielsen does. */
    public static final int VALIDATION = 10_000;

    /** The folder to use: the option if given, else the environment variable, else the user cache. */
    public static Path directory(String option) {
        if (option != null && !option.isBlank()) {
            return Path.of(option);
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "kuibu", "mnist");
    }

    /** The folder named by KUIBU_MNIST_DIR if it holds the four files, else null (tests skip then). */
    public static Path fromEnvironment() {
        String env = System.getenv(ENV);
        if (env == null || env.isBlank()) {
            return null;
        }
        Path dir = Path.of(env);
        return isComplete(dir) ? dir : null;
    }

    /** Whether {@code dir} holds all four files (gzipped, or unzipped without the .gz). */
    public static boolean isComplete(Path dir) {
        for (String f : FILES) {
            if (locate(dir, f) == null) {
                return false;
            }
        }
        return true;
    }

    /** Loads the four files from {@code dir}; a missing folder or file says how to get the data. */
    public static Mnist load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DataException(dir + ": no MNIST folder here. " + howToGetIt());
        }
        return new Mnist(dataset(dir, TRAIN_IMAGES, TRAIN_LABELS, "train"), dataset(dir, TEST_IMAGES, TEST_LABELS, "test"));
    }

    public static Dataset dataset(Path dir, String imagesName, String labelsName, String name) {
        Path imagesPath = required(dir, imagesName);
        Path labelsPath = required(dir, labelsName);
        Idx.Images images = Idx.readImages(imagesPath);
        if (images.rows() != 28 || images.cols() != 28) {
            throw new DataException(imagesPath.getFileName() + ": expected 28x28 images, got "
                    + images.rows() + "x" + images.cols());
        }
        byte[] labels = Idx.readLabels(labelsPath);
        if (labels.length != images.count()) {
            throw new DataException(imagesPath.getFileName() + " holds " + images.count() + " images but "
                    + labelsPath.getFileName() + " holds " + labels.length + " labels");
        }
        return new Dataset(name, images.pixels(), labels);
    }

    private static Path required(Path dir, String name) {
        Path p = locate(dir, name);
        if (p == null) {
            throw new DataException(dir.resolve(name) + ": missing. " + howToGetIt());
        }
        return p;
    }

    private static Path locate(Path dir, String gzName) {
        Path gz = dir.resolve(gzName);
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path plain = dir.resolve(gzName.substring(0, gzName.length() - 3));
        return Files.isRegularFile(plain) ? plain : null;
    }

    static String howToGetIt() {
        return "Run 'java -jar kuibu-mnist.jar download' (fetches the four files into ~/.cache/kuibu/mnist),"
                + " or put train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and"
                + " t10k-labels-idx1-ubyte.gz in a folder and pass --data DIR or set " + ENV + ".";
    }

    /**
     * MNIST from {@code dir}, or where it is absent (dir null), generated stand-in digits: {@code train}
     * and {@code test} images (see {@link SyntheticDigits}). For scripts and figures that must run anywhere.
     */
    public static Mnist orGenerated(Path dir, int train, int test) {
        if (dir != null) {
            return load(dir);
        }
        return new Mnist(SyntheticDigits.generate(train, 1, "generated train"), SyntheticDigits.generate(test, 2, "generated test"));
    }

    /** The first 50,000 training images, to train on while the rest validates. */
    public Dataset training() {
        int n = train.size() > VALIDATION ? train.size() - VALIDATION : train.size();
        return train.slice(0, n, "train[0:" + n + "]");
    }

    /** The last 10,000 training images (empty if there are no more than that). */
    public Dataset validation() {
        int n = train.size() > VALIDATION ? train.size() - VALIDATION : train.size();
        return train.slice(n, train.size(), "train[" + n + ":" + train.size() + "]");
    }
}
