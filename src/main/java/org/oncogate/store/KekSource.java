package org.oncogate.store;

import com.google.crypto.tink.Aead;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/** The key-encryption key (KEK) under which every bucket keyset is stored. */
public interface KekSource {

    Aead kek() throws GeneralSecurityException;

    /** Where the KEK comes from, for messages: never any key material. */
    default String describe() {
        return "the KEK";
    }

    /**
     * The KEK named by {@code oncogate.kek}:
     * <ul>
     *   <li>{@code dev}: a plaintext development KEK in {@code devKekDir}, generated on first start;</li>
     *   <li>{@code env:NAME}: a base64-encoded Tink JSON keyset in environment variable NAME;</li>
     *   <li>{@code file:/path}: a Tink JSON keyset file;</li>
     *   <li>{@code kms:KEY_URI}: a key in a KMS, through a Tink KMS client ({@code kmsClient} names its class).</li>
     * </ul>
     * A KEK in plaintext never lies under {@code dataDir}, next to the data it protects.
     *
     * @throws IllegalArgumentException for a spec of another form
     * @throws IllegalStateException if the named KEK is missing, unreadable or next to the data
     */
    static KekSource fromSpec(String spec, Path devKekDir, Path dataDir, String kmsClient) {
        return KekSpec.open(spec, devKekDir, dataDir, kmsClient, System::getenv);
    }

    static KekSource fromSpec(String spec, Path devKekDir, Path dataDir) {
        return fromSpec(spec, devKekDir, dataDir, null);
    }

    /** A new KEK for {@code oncogate.kek=env:NAME}: the base64 of a Tink JSON AES256-GCM keyset. */
    static String generateForEnvironment() throws GeneralSecurityException {
        return SuppliedKek.generateForEnvironment();
    }
}
