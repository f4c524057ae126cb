package org.oncogate.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.RunningGateway;

/**
 * Every channel that accepts jobs has the delivery route the inference route hands its finished
 * jobs to; a missing one would hold an inference thread for the direct component's 30 s timeout.
 */
class DeliveryRoutesTest {

    @Test
    void everyChannelHasADeliveryRoute(@TempDir Path folder) throws Exception {
        try (RunningGateway gateway = RunningGateway.start(folder, new MutableClock(Instant.now()), Map.of())) {
            List<String> consumed = gateway.context().getRoutes().stream()
                    .map(Route::getEndpoint).map(e -> e.getEndpointUri()).toList();
            for (String channel : List.of("inbox", "job-api", "hl7")) {
                JobRecord job = new JobRecord(new JobOrigin(channel, "default", null), null);
                assertThat(consumed).as("a consumer of %s", job.deliveryEndpoint())
                        .contains(job.deliveryEndpoint().replace("direct:", "direct://"));
            }
        }
    }
}
