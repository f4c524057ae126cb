package org.oncogate.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.RunningGateway;

/** Retention can only be shortened: a value over 24 h stops start-up with a clear message. */
class RetentionConfigurationTest {

    @Test
    void retentionOverTwentyFourHoursStopsStartUp(@TempDir Path folder) throws Exception {
        Main main = RunningGateway.configured(folder, new MutableClock(Instant.now()), Map.of("oncogate.retention", "PT25H"));
        assertThatThrownBy(main::start)
                .satisfies(e -> assertThat(rootCause(e).getMessage())
                        .contains("oncogate.retention").contains("24 h"));
        main.stop();
        assertThat(folder.resolve("data/store")).as("nothing was stored").satisfies(p ->
                assertThat(Files.exists(p) && Files.list(p).findAny().isPresent()).isFalse());
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
