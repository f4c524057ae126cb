package org.oncogate.intake.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
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
            try (Socket socket = tls.getSocketFactory().createSocket("localhost", gateway.hl7Port())) {
                assertThat(exchange(socket, Hl7EndToEndTest.oru("TLS-0001", "Adenocarcinoma of the colon, pT3 pN0.")))
                        .contains("MSA|AA|TLS-0001");
            }
            try (Socket plain = new Socket("localhost", gateway.hl7Port())) {
                String answer;
                try {
                    answer = exchange(plain, Hl7EndToEndTest.oru("PLAIN-0001", "Adenocarcinoma."));
                } catch (java.io.IOException refused) {
                    answer = "";
                }
                assertThat(answer).as("a plain-text client gets no acknowledgement").doesNotContain("MSA|AA");
            }
        }
    }

    private static String exchange(Socket socket, String er7) throws java.io.IOException {
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(0x0b);
        out.write(er7.getBytes(StandardCharsets.UTF_8));
        out.write(new byte[] {0x1c, 0x0d});
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder answer = new StringBuilder();
        for (int b = in.read(); b != -1 && b != 0x1c; b = in.read()) {
            answer.append((char) b);
        }
        return answer.toString();
    }
}
