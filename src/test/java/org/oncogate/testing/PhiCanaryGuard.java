package org.oncogate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test class (junit-platform.properties): what the class wrote to the run's
 * log file must not contain the PHI canary.
 */
public final class PhiCanaryGuard implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PhiCanaryGuard.class);

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        context.getStore(NAMESPACE).put("start", Files.exists(log()) ? Files.size(log()) : 0L);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (!Files.exists(log())) {
            return;
        }
        long start = context.getStore(NAMESPACE).getOrDefault("start", Long.class, 0L);
        byte[] written;
        try (RandomAccessFile file = new RandomAccessFile(log().toFile(), "r")) {
            file.seek(Math.min(start, file.length()));
            written = new byte[(int) (file.length() - file.getFilePointer())];
            file.readFully(written);
        }
        assertThat(new String(written, StandardCharsets.UTF_8))
                .as("log output of %s must not contain the PHI canary", context.getDisplayName())
                .doesNotContain(PhiCanary.MARKER);
    }

    private static Path log() {
        return Path.of(System.getProperty("oncogate.test-log", "target/test-logs/oncogate-test.log"));
    }
}
