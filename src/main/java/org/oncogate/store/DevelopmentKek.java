package org.oncogate.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Development only ({@code oncogate.kek=dev}): a KEK kept in plaintext in {@code <dir>/kek.json},
 * generated on first start. The one place in production code that creates a plaintext keyset file,
 * so it says so on every start.
 */
final class DevelopmentKek {

    static final String FILE_NAME = "kek.json";
    private static final Logger LOG = LoggerFactory.getLogger(DevelopmentKek.class);

    private DevelopmentKek() {
    }

    static KeysetKek open(Path dir, Path dataDir) {
        if (dir == null) {
            throw new IllegalStateException("oncogate.kek=dev needs a development KEK directory");
        }
        if (dataDir != null && KekSpec.isUnder(dir, dataDir)) {
            throw new IllegalStateException("the development KEK directory " + dir.toAbsolutePath()
                    + " lies under the data directory; keep the KEK apart from the data it protects");
        }
        Path file = dir.resolve(FILE_NAME).toAbsolutePath();
        try {
            AeadKeysets.register();
            boolean created = !Files.exists(file);
            if (created) {
                generate(dir, file);
            }
            KeysetKek kek = KeysetKek.fromFile(file, "the development KEK at " + file);
            LOG.warn("DEVELOPMENT KEK in use ({} {}): its key is stored in PLAINTEXT; NOT FOR PRODUCTION."
                    + " Set oncogate.kek=env:NAME, file:/path outside the data directory, or kms:URI.",
                    created ? "generated at" : "read from", file);
            return kek;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the development KEK at " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate the development KEK", e);
        }
    }

    private static void generate(Path dir, Path file) throws IOException, GeneralSecurityException {
        if (!Files.isDirectory(dir) && dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        DurableFiles.createDirectories(dir);
        DurableFiles.write(file, KeysetKek.plaintext(AeadKeysets.generate()).getBytes(StandardCharsets.UTF_8));
    }
}
