package org.oncogate.store;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;

/**
 * A KEK that is a Tink keyset in the operator's hands, with all its versions: the primary wraps new
 * bucket keysets, every version unwraps. Read from a file ({@code dev}, {@code file:}) or from an
 * environment variable ({@code env:}). A file is read again when it changes (a rotation by the
 * operator command while the gateway runs). The keyset arrives in plaintext by nature, so parsing it
 * needs {@link InsecureSecretKeyAccess}. Error messages name the source, never its content, and carry
 * no cause that could quote it.
 */
final class KeysetKek implements KekSource {

    private record Loaded(KeysetHandle handle, Aead aead, Object stamp) {
    }

    private final String source;
    private final Path file;
    private volatile Loaded loaded;

    private KeysetKek(String source, Path file, Loaded loaded) {
        this.source = source;
        this.file = file;
        this.loaded = loaded;
    }

    static KeysetKek fromFile(Path file, String source) {
        Path absolute = file.toAbsolutePath().normalize();
        return new KeysetKek(source, absolute, load(absolute, source));
    }

    static KeysetKek fromEnvironmentValue(String base64, String source) {
        String json;
        try {
            json = new String(Base64.getDecoder().decode(base64.replaceAll("\\s", "")), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64"); // no cause: it would quote the value
        }
        return new KeysetKek(source, null, parse(json, source, null));
    }

    @Override
    public Aead kek() {
        if (file != null) {
            Loaded current = loaded;
            if (!current.stamp().equals(stamp(file, source))) {
                synchronized (this) {
                    loaded = load(file, source);
                }
            }
        }
        return loaded.aead();
    }

    @Override
    public String describe() {
        return source;
    }

    KeysetHandle handle() {
        kek();
        return loaded.handle();
    }

    /** Whether {@link #replace} can store a new version of the keyset (a file) or only print it (the environment). */
    boolean writable() {
        return file != null;
    }

    /** Stores the keyset durably in place of the old one (a file KEK only). */
    synchronized void replace(KeysetHandle next) throws IOException, GeneralSecurityException {
        if (file == null) {
            throw new IllegalStateException(source + " cannot be written; set the printed keyset there instead");
        }
        DurableFiles.write(file, plaintext(next).getBytes(StandardCharsets.UTF_8));
        loaded = load(file, source);
    }

    /** The keyset as an operator puts it into {@code oncogate.kek=env:NAME}: base64 of its Tink JSON. */
    static String forEnvironment(KeysetHandle handle) throws GeneralSecurityException {
        return Base64.getEncoder().encodeToString(plaintext(handle).getBytes(StandardCharsets.UTF_8));
    }

    static String plaintext(KeysetHandle handle) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
    }

    private static Loaded load(Path file, String source) {
        Object stamp = stamp(file, source);
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), source, stamp);
        } catch (IOException e) {
            throw new IllegalStateException(source + " cannot be read: " + e.getClass().getSimpleName());
        }
    }

    private static Loaded parse(String json, String source, Object stamp) {
        AeadKeysets.register();
        try {
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
            return new Loaded(handle, AeadKeysets.aead(handle), Objects.requireNonNullElse(stamp, ""));
        } catch (GeneralSecurityException | RuntimeException e) {
            // no cause: a parser message could quote key material
            throw new IllegalStateException(source + " does not hold a Tink JSON AEAD keyset");
        }
    }

    /** What changes when the file is replaced: a rename gives a new inode, a write a new time or size. */
    private static Object stamp(Path file, String source) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return String.valueOf(attributes.fileKey()) + "|" + attributes.lastModifiedTime() + "|" + attributes.size();
        } catch (IOException e) {
            throw new IllegalStateException(source + " cannot be read: " + e.getClass().getSimpleName());
        }
    }
}
