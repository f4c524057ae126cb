package org.oncogate.store;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KmsClient;
import com.google.crypto.tink.KmsClients;
import java.security.GeneralSecurityException;

/**
 * A KEK held in a KMS ({@code oncogate.kek=kms:<Tink key URI>}, e.g. {@code aws-kms://arn:aws:kms:...}
 * or {@code gcp-kms://projects/.../cryptoKeys/...}): the key never leaves the KMS, which wraps and
 * unwraps the bucket keysets. The client comes from Tink's {@link KmsClients} registry; the gateway
 * bundles none. {@code oncogate.kek.kms-client} names a {@link KmsClient} class on the classpath (Tink's
 * {@code AwsKmsClient} or {@code GcpKmsClient}) that is created and registered with default credentials.
 * Key versions are the KMS's: rotate there, then re-wrap with {@code oncogate keys rewrap}.
 */
final class KmsKek implements KekSource {

    private final String keyUri;
    private final Aead aead;

    private KmsKek(String keyUri, Aead aead) {
        this.keyUri = keyUri;
        this.aead = aead;
    }

    static KmsKek open(String keyUri, String clientClass) {
        String source = "KMS key " + keyUri + " (oncogate.kek=kms:" + keyUri + ")";
        if (clientClass != null && !clientClass.isBlank()) {
            register(clientClass.strip(), source);
        }
        try {
            return new KmsKek(keyUri, KmsClients.get(keyUri).getAead(keyUri));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(source + " cannot be used: no registered KMS client supports it,"
                    + " or the KMS refused (" + e.getClass().getSimpleName() + "); set oncogate.kek.kms-client"
                    + " and put the client's jars on the classpath");
        }
    }

    @Override
    public Aead kek() {
        return aead;
    }

    @Override
    public String describe() {
        return "KMS key " + keyUri;
    }

    private static void register(String clientClass, String source) {
        try {
            KmsClient client = (KmsClient) Class.forName(clientClass).getDeclaredConstructor().newInstance();
            KmsClients.add(client.withDefaultCredentials());
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("oncogate.kek.kms-client=" + clientClass
                    + " is not a Tink KmsClient class with a public no-argument constructor on the classpath");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(source + ": the KMS client found no default credentials");
        }
    }
}
