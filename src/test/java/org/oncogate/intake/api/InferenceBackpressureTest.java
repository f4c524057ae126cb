package org.oncogate.intake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oncogate.intake.api.JobApiClient.V2023_09;
import static org.oncogate.intake.api.JobApiEndToEndTest.NOTE;
import static org.oncogate.intake.api.JobApiEndToEndTest.request;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.testing.RunningGateway;

/**
 * More jobs than the inference queue holds (here 1, with one inference thread), submitted by 8
 * clients at once: every submit is answered 202 (the intake waits for room in the queue instead of
 * failing a job it has already stored) and every job is then inferred. Without the wait, a full
 * queue made a stored job's submit fail with 500.
 */
class InferenceBackpressureTest {

    private static final int CLIENTS = 8;
    private static final int JOBS_PER_CLIENT = 6;

    @TempDir
    Path folder;

    @Test
    void aFullInferenceQueueMakesTheIntakeWaitAndEveryJobIsInferred() throws Exception {
        try (RunningGateway gateway = RunningGateway.start(folder, Clock.systemUTC(),
                Map.of("oncogate.inference.queue-size", "1", "oncogate.inference.consumers", "1"))) {
            JobApiClient client = new JobApiClient(gateway.baseUrl());
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<HttpResponse<String>>> submits = new ArrayList<>();
            for (int i = 0; i < CLIENTS * JOBS_PER_CLIENT; i++) {
                String patient = "P-BP-" + i;
                submits.add(clients.submit(() -> client.submit(V2023_09, request(patient, NOTE), Map.of())));
            }
            List<HttpResponse<String>> accepted = new ArrayList<>();
            for (Future<HttpResponse<String>> submit : submits) {
                accepted.add(submit.get());
            }
            clients.shutdown();
            assertThat(accepted).extracting(HttpResponse::statusCode).as("every submit").containsOnly(202);
            for (HttpResponse<String> job : accepted) {
                assertThat(client.awaitFinal(job).get("status").asText()).isEqualTo("succeeded");
            }
        }
    }
}
