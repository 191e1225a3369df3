package kuibu.tools;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file whole or not at all: into a temporary file beside it, then one rename. Both tools' one way
 * of writing a file (models, reports, gradebooks, results). A file that cannot be written is an error naming the path the user
 * gave, never the temporary file.
 */
public final class AtomicFiles {

    /** Writes the whole content into the file it is given. */
    public interface Writer {
        void write(Path temporary) throws IOException;
    }

    private AtomicFiles() {}

    public static void write(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temporary = createTemporary(target);
        try {
            writer.write(temporary);
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileSystemException e) {
            throw named(target, e);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Fails now, with the reason, if {@link #write} could not write {@code target} later: so that a
     * long training is not lost to a typing mistake in its --save path.
     */
    public static void checkWritable(Path target) throws IOException {
        if (Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "is a folder, not a file");
        }
        Files.delete(createTemporary(target));
    }

    private static Path createTemporary(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            // not Files.createTempFile: that makes the file private to its owner, and a model or report is
            // meant to be shared like any other file (the user's umask decides)
            Path temporary = dir.resolve("." + target.getFileName() + "."
                    + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            return Files.createFile(temporary);
        } catch (FileSystemException e) {
            throw named(target, e);
        }
    }

    /** {@code e}, about a file on the way to {@code target}, as an error about {@code target} itself. */
    private static FileSystemException named(Path target, FileSystemException e) {
        String about = e.getFile() != null && !e.getFile().contains(".tmp") && !Path.of(e.getFile()).equals(target.toAbsolutePath())
                ? " (" + e.getFile() + ": " + reason(e) + ")" : ": " + reason(e);
        FileSystemException named = new FileSystemException(target.toString(), null, "cannot be written" + about);
        named.initCause(e);
        return named;
    }

    /** What is wrong, in words, where the JDK gives none. */
    public static String reason(FileSystemException f) {
        if (f.getReason() != null) {
            return f.getReason();
        }
        if (f instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (f instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (f instanceof FileAlreadyExistsException) {
            return "is in the way (a file where a folder should be, or the reverse)";
        }
        if (f instanceof NotDirectoryException) {
            return "not a folder";
        }
        return "cannot be read or written here";
    }
}
