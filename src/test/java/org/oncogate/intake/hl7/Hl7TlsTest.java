package org.oncogate.intake.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.RunningGateway;

/** With a key store configured, the MLLP listener speaks TLS: a TLS client gets its AA, a plain one nothing. */
class Hl7TlsTest {

    private static final String PASSWORD = "test-only-password";

    @Test
    void theListenerSpeaksTlsWithTheConfiguredKey(@TempDir Path folder) throws Exception {
        Path keyStore = folder.resolve("gateway.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "gateway", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "san=dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", PASSWORD)
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as("keytool").isZero();
        try (RunningGateway gateway = RunningGateway.start(folder, new MutableClock(Instant.now()), Map.of(
                "oncogate.hl7.tls.key-store", keyStore.toString(),
                "oncogate.hl7.tls.key-store-password", PASSWORD))) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                trusted.load(in, PASSWORD.toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            try (RawMllpClient client = new RawMllpClient(
                    tls.getSocketFactory().createSocket("localhost", gateway.hl7Port()), Duration.ofSeconds(10))) {
                assertThat(client.exchange(Hl7EndToEndTest.oru("TLS-0001", "Adenocarcinoma of the colon, pT3 pN0.")))
                        .contains("MSA|AA|TLS-0001");
            }
            try (RawMllpClient plain = new RawMllpClient(gateway.hl7Port(), Duration.ofSeconds(10))) {
                String answer;
                try {
                    // null: the gateway closed the connection, as it should
                    answer = String.valueOf(plain.exchange(Hl7EndToEndTest.oru("PLAIN-0001", "Adenocarcinoma.")));
                } catch (java.io.IOException refused) {
                    answer = "";
                }
                assertThat(answer).as("a plain-text client gets no acknowledgement").doesNotContain("MSA|AA");
            }
        }
    }
}
