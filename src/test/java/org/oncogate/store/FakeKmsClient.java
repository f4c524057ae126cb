package org.oncogate.store;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KmsClient;
import java.security.GeneralSecurityException;

/**
 * A Tink KMS client for {@code fake-kms://} key URIs, backed by one local AEAD: stands in for the AWS
 * or GCP client, registered the way {@code oncogate.kek.kms-client} registers those.
 */
public final class FakeKmsClient implements KmsClient {

    static final String PREFIX = "fake-kms://";
    private static final Aead KEY = TestStores.randomKekAead();

    @Override
    public boolean doesSupport(String keyUri) {
        return keyUri != null && keyUri.startsWith(PREFIX);
    }

    @Override
    public KmsClient withCredentials(String credentialPath) {
        return this;
    }

    @Override
    public KmsClient withDefaultCredentials() {
        return this;
    }

    @Override
    public Aead getAead(String keyUri) throws GeneralSecurityException {
        if (!doesSupport(keyUri)) {
            throw new GeneralSecurityException("not a fake-kms key");
        }
        return KEY;
    }
}
