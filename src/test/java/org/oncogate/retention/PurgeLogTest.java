package org.oncogate.retention;

import org.oncogate.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.store.BucketKeys;
import org.oncogate.store.KekSource;
import org.oncogate.store.PayloadKind;
import org.oncogate.store.RegionalStore;
import org.oncogate.store.TestStores;

/** Invariant 5: the purge logs one line of counts, never ids, names or content. */
class PurgeLogTest {

    @TempDir
    Path tmp;

    @Test
    void purgeLogsOneInfoLineWithCountsOnly() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-29T13:20:00Z"));
        KekSource kek = TestStores.randomKek();
        BucketKeys keys = new BucketKeys(tmp.resolve("store/eu"), kek);
        RegionalStore store = TestStores.store(keys, tmp.resolve("store"), "eu", clock);
        store.write(PayloadKind.INPUT, "JOBID-CANARY", "request", "PHI-CANARY Jane Doe".getBytes(StandardCharsets.UTF_8));
        clock.advance(Duration.ofDays(1));

        List<String> lines = captureInfo(Purge.class, () -> new Purge(store, keys, tmp.resolve("outbox")).run());

        assertThat(lines).containsExactly("purge in region eu: 1 bucket keys destroyed, 1 files deleted, 0 outbox files deleted");
    }

    private static List<String> captureInfo(Class<?> source, Runnable action) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        var logger = context.getLogger(source.getName());
        List<String> lines = new CopyOnWriteArrayList<>();
        AbstractAppender appender = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                lines.add(event.getMessage().getFormattedMessage());
            }
        };
        appender.start();
        Level level = logger.getLevel();
        logger.addAppender(appender);
        logger.setLevel(Level.INFO);
        try {
            action.run();
        } finally {
            logger.removeAppender(appender);
            logger.setLevel(level);
            appender.stop();
        }
        return lines;
    }
}
