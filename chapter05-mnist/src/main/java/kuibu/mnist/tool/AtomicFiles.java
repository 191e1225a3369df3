package kuibu.mnist.tool;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file whole or not at all: into a temporary file beside it, then one rename. */
final class AtomicFiles {

    interface Writer {
        void write(Path temporary) throws IOException;
    }

    private AtomicFiles() {}

    static void write(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temporary = createTemporary(absolute);
        try {
            writer.write(temporary);
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Fails now, with the reason, if {@link #write} could not write {@code target} later: so that a
     * long training is not lost to a typing mistake in its --save path.
     */
    static void checkWritable(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new java.nio.file.FileSystemException(absolute.toString(), null, "is a folder, not a file");
        }
        Files.delete(createTemporary(absolute));
    }

    private static Path createTemporary(Path absolute) throws IOException {
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        // not Files.createTempFile: that makes the file private to its owner, and a model or report is
        // meant to be shared like any other file (the user's umask decides)
        Path temporary = dir.resolve("." + absolute.getFileName() + "."
                + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        return Files.createFile(temporary);
    }
}
