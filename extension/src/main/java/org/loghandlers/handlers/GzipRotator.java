package org.loghandlers.handlers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPOutputStream;

/**
 * Rotates by compressing the source into a gzip file at the destination and deleting the source. The compressed
 * file is written beside its final name and moved into place, so a crash never leaves a truncated {@code .gz}
 * under a name retention would count.
 */
public final class GzipRotator implements Rotator {

    /** The extension compressed backups carry. */
    public static final String EXTENSION = ".gz";

    @Override
    public void rotate(Path source, Path destination) throws IOException {
        if (!Files.exists(source)) {
            return;
        }
        Path partial = destination.resolveSibling(destination.getFileName() + ".part");
        try (InputStream in = Files.newInputStream(source);
             OutputStream out = new GZIPOutputStream(Files.newOutputStream(partial), 64 * 1024)) {
            in.transferTo(out);
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.delete(source);
    }
}
