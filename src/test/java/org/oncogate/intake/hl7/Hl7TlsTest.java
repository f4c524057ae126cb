package org.oncogate.intake.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.RunningGateway;

/**
 * With a key store configured, the MLLP listener speaks TLS: a TLS client gets its AA, a plain one
 * nothing. With a trust store too, only a client presenting a certificate it trusts is served.
 */
class Hl7TlsTest {

    private static final String PASSWORD = "test-only-password";

    @Test
    void theListenerSpeaksTlsWithTheConfiguredKey(@TempDir Path folder) throws Exception {
        Path keyStore = newKeyPair(folder, "gateway", "localhost");
        try (RunningGateway gateway = RunningGateway.start(folder, new MutableClock(Instant.now()), Map.of(
                "oncogate.hl7.tls.key-store", keyStore.toString(),
                "oncogate.hl7.tls.key-store-password", PASSWORD))) {
            SSLContext tls = clientContext(keyStore, null);
            try (RawMllpClient client = new RawMllpClient(
                    tls.getSocketFactory().createSocket("localhost", gateway.hl7Port()), Duration.ofSeconds(10))) {
                assertThat(client.exchange(Hl7EndToEndTest.oru("TLS-0001", "Adenocarcinoma of the colon, pT3 pN0.")))
                        .contains("MSA|AA|TLS-0001");
            }
            assertThat(answerOrNothing(new RawMllpClient(gateway.hl7Port(), Duration.ofSeconds(10)), "PLAIN-0001"))
                    .as("a plain-text client gets no acknowledgement").doesNotContain("MSA|AA");
        }
    }

    @Test
    void withATrustStoreOnlyClientsWithATrustedCertificateAreServed(@TempDir Path folder) throws Exception {
        Path keyStore = newKeyPair(folder, "gateway", "localhost");
        Path clientKey = newKeyPair(folder, "lis", "lis.genhosp.example");
        Path strangerKey = newKeyPair(folder, "stranger", "stranger.example");
        Path trustStore = folder.resolve("trusted-clients.p12");
        Path clientCert = folder.resolve("lis.cer");
        keytool("-exportcert", "-alias", "lis", "-keystore", clientKey.toString(), "-storepass", PASSWORD,
                "-file", clientCert.toString());
        keytool("-importcert", "-noprompt", "-alias", "lis", "-file", clientCert.toString(),
                "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", PASSWORD);
        try (RunningGateway gateway = RunningGateway.start(folder, new MutableClock(Instant.now()), Map.of(
                "oncogate.hl7.tls.key-store", keyStore.toString(),
                "oncogate.hl7.tls.key-store-password", PASSWORD,
                "oncogate.hl7.tls.trust-store", trustStore.toString(),
                "oncogate.hl7.tls.trust-store-password", PASSWORD))) {
            try (RawMllpClient client = new RawMllpClient(clientContext(keyStore, clientKey).getSocketFactory()
                    .createSocket("localhost", gateway.hl7Port()), Duration.ofSeconds(10))) {
                assertThat(client.exchange(Hl7EndToEndTest.oru("MTLS-0001", "Adenocarcinoma of the colon, pT3 pN0.")))
                        .as("the trusted client certificate").contains("MSA|AA|MTLS-0001");
            }
            assertThat(answerOrNothing(new RawMllpClient(clientContext(keyStore, null).getSocketFactory()
                    .createSocket("localhost", gateway.hl7Port()), Duration.ofSeconds(10)), "MTLS-0002"))
                    .as("a TLS client without a certificate").doesNotContain("MSA|AA");
            assertThat(answerOrNothing(new RawMllpClient(clientContext(keyStore, strangerKey).getSocketFactory()
                    .createSocket("localhost", gateway.hl7Port()), Duration.ofSeconds(10)), "MTLS-0003"))
                    .as("a client certificate the trust store does not hold").doesNotContain("MSA|AA");
        }
    }

    /** What the gateway answers, or "" when it closes the connection or the handshake fails. */
    private static String answerOrNothing(RawMllpClient client, String controlId) {
        try (client) {
            return String.valueOf(client.exchange(Hl7EndToEndTest.oru(controlId, "Adenocarcinoma.")));
        } catch (IOException refused) {
            return "";
        }
    }

    /** A TLS client trusting the gateway's certificate, presenting {@code clientKey} when not null. */
    private static SSLContext clientContext(Path gatewayKey, Path clientKey) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(gatewayKey));
        KeyManagerFactory keys = null;
        if (clientKey != null) {
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(clientKey), PASSWORD.toCharArray());
        }
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return tls;
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    /** A PKCS12 key store holding a new EC key pair and its self-signed certificate for {@code host}. */
    private static Path newKeyPair(Path folder, String alias, String host) throws Exception {
        Path keyStore = folder.resolve(alias + ".p12");
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + host, "-ext", "san=dns:" + host, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", PASSWORD);
        return keyStore;
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertThat(keytool.waitFor()).as("keytool %s", arguments[0]).isZero();
    }
}
