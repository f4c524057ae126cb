package org.oncogate.intake.hl7;

import java.util.Optional;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * TLS for the MLLP listener (oncogate.hl7.tls.*): the gateway's key store and, for client
 * certificates, a trust store. Without a key store the listener speaks plain MLLP.
 */
public final class Hl7Tls {

    private Hl7Tls() {
    }

    /**
     * @param keyStore           path of a PKCS12 key store with the gateway's key and certificate, or null
     * @param keyStorePassword   its password
     * @param trustStore         path of a PKCS12 trust store of accepted client certificates, or null
     * @param trustStorePassword its password
     */
    public static Optional<SSLContextParameters> parameters(String keyStore, String keyStorePassword,
                                                            String trustStore, String trustStorePassword) {
        if (keyStore == null) {
            return Optional.empty();
        }
        KeyManagersParameters keys = new KeyManagersParameters();
        keys.setKeyStore(store(keyStore, keyStorePassword));
        keys.setKeyPassword(keyStorePassword);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setKeyManagers(keys);
        if (trustStore != null) {
            TrustManagersParameters trust = new TrustManagersParameters();
            trust.setKeyStore(store(trustStore, trustStorePassword));
            tls.setTrustManagers(trust);
            org.apache.camel.support.jsse.SSLContextServerParameters server =
                    new org.apache.camel.support.jsse.SSLContextServerParameters();
            server.setClientAuthentication("REQUIRE");
            tls.setServerParameters(server);
        }
        return Optional.of(tls);
    }

    private static KeyStoreParameters store(String path, String password) {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + path);
        store.setType("PKCS12");
        store.setPassword(password);
        return store;
    }
}
