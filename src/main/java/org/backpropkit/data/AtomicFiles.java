package org.backpropkit.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.backpropkit.core.Require;

/**
 * Writes a file so that readers see either the old content or the new, never a torn mix: the bytes
 * go to a temporary file in the same folder, which then replaces the target in one rename. A crash
 * or an exception half-way leaves the old file as it was.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * A temporary file is private to its owner; the file it becomes should not be. It takes the old
     * file's permissions, or {@code rw-r--r--} for a new file, where the file system has POSIX permissions.
     */
    private static void readableByAll(Path temp, Path target) throws IOException {
        if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, permissions);
    }

    /** Replaces {@code target} with {@code bytes}, creating missing parent folders. */
    public static void write(Path target, byte[] bytes) {
        Require.notNull("the file", target);
        Require.notNull("the bytes", bytes);
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
            Files.write(temp, bytes);
            readableByAll(temp, absolute);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + absolute + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The temporary file is all that is left; the target is intact either way.
                }
            }
        }
    }
}
