package org.oncogate.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The run's log file (log4j2-test.properties), which every gateway of the run writes to. */
public final class TestLog {

    private TestLog() {
    }

    public static Path file() {
        return Path.of(System.getProperty("oncogate.test-log", "target/test-logs/oncogate-test.log"));
    }

    /** Where the log ends now, to read what is written after it with {@link #since}. */
    public static long mark() throws IOException {
        return Files.exists(file()) ? Files.size(file()) : 0L;
    }

    /** What was written to the log after {@code mark}. */
    public static String since(long mark) throws IOException {
        if (!Files.exists(file())) {
            return "";
        }
        try (RandomAccessFile log = new RandomAccessFile(file().toFile(), "r")) {
            log.seek(Math.min(mark, log.length()));
            byte[] written = new byte[(int) (log.length() - log.getFilePointer())];
            log.readFully(written);
            return new String(written, StandardCharsets.UTF_8);
        }
    }
}
