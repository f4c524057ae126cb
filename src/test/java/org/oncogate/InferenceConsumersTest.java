package org.oncogate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.component.seda.SedaEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.RunningGateway;

/** How many threads the inference route runs: half the cores by default, as many as configured otherwise. */
class InferenceConsumersTest {

    @Test
    void theRulesEngineGetsHalfTheCoresByDefault(@TempDir Path folder) throws Exception {
        int expected = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        assertThat(inferenceThreads(folder, Map.of())).isEqualTo(expected);
    }

    @Test
    void aConfiguredNumberIsKept(@TempDir Path folder) throws Exception {
        assertThat(inferenceThreads(folder, Map.of("oncogate.inference.consumers", "3"))).isEqualTo(3);
    }

    private static int inferenceThreads(Path folder, Map<String, String> overrides) throws Exception {
        try (RunningGateway gateway = RunningGateway.start(folder, new MutableClock(Instant.now()), overrides)) {
            return ((SedaEndpoint) gateway.context().getRoute("inference").getEndpoint()).getConcurrentConsumers();
        }
    }
}
