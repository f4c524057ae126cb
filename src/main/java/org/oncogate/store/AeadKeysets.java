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
        return aead(TinkJsonProtoKeysetFormat.parseEncryptedKeyset(encryptedKeyset, kek, associatedData));
    }
}
