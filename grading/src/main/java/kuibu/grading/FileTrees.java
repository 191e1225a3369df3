package kuibu.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copying folders and naming files the same way on every operating system. */
public final class FileTrees {

    private FileTrees() {}

    /** Copies the tree under {@code from} into {@code to} (nothing when {@code from} is no folder); returns the files copied. */
    public static int copy(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return 0;
        }
        int count = 0;
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path copy = to.resolve(slashes(from.relativize(f)));
                if (Files.isDirectory(f)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(f, copy, StandardCopyOption.REPLACE_EXISTING);
                    count++;
                }
            }
        }
        return count;
    }

    /** A relative path with forward slashes, as the course's files name each other. */
    public static String slashes(Path p) {
        return p.toString().replace('\\', '/');
    }
}
