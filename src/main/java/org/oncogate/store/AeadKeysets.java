package org.oncogate.store;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;

/** The store's few Tink calls in one place: AES256-GCM keysets, encrypted under a KEK when serialized. */
final class AeadKeysets {

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private AeadKeysets() {
    }

    /** Makes sure Tink's AEAD key types are registered before a keyset is parsed anywhere. */
    static void register() {
        // the static initializer does the work
    }

    static KeysetHandle generate() throws GeneralSecurityException {
        return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    }

    static Aead aead(KeysetHandle handle) throws GeneralSecurityException {
        return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    static String encrypt(KeysetHandle handle, Aead kek, byte[] associatedData) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(handle, kek, associatedData);
    }

    static Aead decrypt(String encryptedKeyset, Aead kek, byte[] associatedData) throws GeneralSecurityException {
        return aead(parse(encryptedKeyset, kek, associatedData));
    }

    static KeysetHandle parse(String encryptedKeyset, Aead kek, byte[] associatedData) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(encryptedKeyset, kek, associatedData);
    }

    /** The keyset with one more AES256-GCM key, which becomes the primary; the others stay for decryption. */
    static KeysetHandle withNewPrimary(KeysetHandle handle) throws GeneralSecurityException {
        return KeysetHandle.newBuilder(handle)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId().makePrimary())
                .build();
    }

    /** The keyset reduced to its primary key. */
    static KeysetHandle primaryOnly(KeysetHandle handle) throws GeneralSecurityException {
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
        for (int i = builder.size() - 1; i >= 0; i--) {
            if (!builder.getAt(i).isPrimary()) {
                builder.deleteAt(i);
            }
        }
        return builder.build();
    }
}
