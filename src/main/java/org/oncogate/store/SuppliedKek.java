package org.oncogate.store;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.function.Function;

/**
 * A KEK the operator supplies as a Tink JSON keyset, from an environment variable or a file kept
 * away from the data. The keyset arrives in plaintext by nature, so parsing it needs
 * {@link InsecureSecretKeyAccess}; nothing here ever writes it anywhere. Error messages name the
 * source, never its content, and carry no cause that could quote it.
 */
final class SuppliedKek implements KekSource {

    private final Aead kek;

    private SuppliedKek(Aead kek) {
        this.kek = kek;
    }

    static SuppliedKek fromEnvironment(String variable, Function<String, String> environment) {
        String source = "environment variable " + variable + " (oncogate.kek=env:" + variable + ")";
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(source + " is not set");
        }
        String json;
        try {
            json = new String(Base64.getDecoder().decode(value.replaceAll("\\s", "")), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64"); // no cause: it would quote the value
        }
        return parse(json, source);
    }

    static SuppliedKek fromFile(Path file, Path dataDir) {
        String source = "KEK file " + file.toAbsolutePath().normalize();
        if (dataDir != null && KekSpec.isUnder(file, dataDir)) {
            throw new IllegalStateException(source
                    + " lies under the data directory; keep the KEK apart from the data it protects");
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), source);
        } catch (IOException e) {
            throw new IllegalStateException(source + " cannot be read: " + e.getClass().getSimpleName());
        }
    }

    /**
     * A new AES256-GCM keyset for an operator to keep in a secret store and hand over as
     * {@code env:NAME}: base64 of its Tink JSON. Printed once by {@code oncogate new-kek}, never stored.
     */
    static String generateForEnvironment() throws GeneralSecurityException {
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(AeadKeysets.generate(), InsecureSecretKeyAccess.get());
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Aead kek() {
        return kek;
    }

    private static SuppliedKek parse(String json, String source) {
        AeadKeysets.register();
        try {
            return new SuppliedKek(AeadKeysets.aead(TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get())));
        } catch (GeneralSecurityException | RuntimeException e) {
            // no cause: a parser message could quote key material
            throw new IllegalStateException(source + " does not hold a Tink JSON AEAD keyset");
        }
    }
}
