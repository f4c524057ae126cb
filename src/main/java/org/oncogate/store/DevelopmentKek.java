package org.oncogate.store;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
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
 * Development only: a KEK kept in plaintext in {@code <dir>/kek.json}, generated on first start.
 * The one place in production code that writes a plaintext keyset, so it says so on every start.
 */
final class DevelopmentKek implements KekSource {

    static final String FILE_NAME = "kek.json";
    private static final Logger LOG = LoggerFactory.getLogger(DevelopmentKek.class);

    private final Aead kek;

    private DevelopmentKek(Aead kek) {
        this.kek = kek;
    }

    static DevelopmentKek open(Path dir, Path dataDir) {
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
            KeysetHandle handle = created ? generate(dir, file) : read(file);
            LOG.warn("DEVELOPMENT KEK in use ({} {}): its key is stored in PLAINTEXT; NOT FOR PRODUCTION."
                    + " Set oncogate.kek=env:NAME or file:/path outside the data directory.",
                    created ? "generated at" : "read from", file);
            return new DevelopmentKek(AeadKeysets.aead(handle));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the development KEK at " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the development KEK at " + file + " is not a valid AEAD keyset", e);
        }
    }

    @Override
    public Aead kek() {
        return kek;
    }

    private static KeysetHandle generate(Path dir, Path file) throws IOException, GeneralSecurityException {
        if (!Files.isDirectory(dir) && dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        DurableFiles.createDirectories(dir);
        KeysetHandle handle = AeadKeysets.generate();
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        DurableFiles.write(file, json.getBytes(StandardCharsets.UTF_8));
        return handle;
    }

    private static KeysetHandle read(Path file) throws IOException, GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file, StandardCharsets.UTF_8),
                InsecureSecretKeyAccess.get());
    }
}
