package org.oncogate.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.inference.InferenceEngine;
import org.oncogate.store.KekSource;
import org.oncogate.store.PayloadUnavailableException;
import org.oncogate.store.RegionalStore;
import org.oncogate.store.TestStores;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.PhiCanary;
import org.oncogate.usage.UsageCounters;
import org.oncogate.usage.UsageLedger;

/**
 * A job accepted by this process goes to inference as it was accepted, without reading its stored copy
 * back; a job accepted before a restart is read from the store. Either way inference sees the same
 * request, and a job whose stored request has expired is gone even while this process still holds it.
 */
class JobServiceHandOffTest {

    private static final JobOrigin ORIGIN = new JobOrigin("job-api", "default", null);

    @TempDir
    Path folder;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T08:00:00Z"));
    private final KekSource kek = TestStores.randomKek();
    private final List<JobRequest> seen = new ArrayList<>();

    @Test
    void inferenceSeesTheAcceptedRequestWhetherHeldInMemoryOrReadBackAfterARestart() throws Exception {
        RegionalStore store = TestStores.store(folder, "eu-west", kek, clock);
        JobService first = jobs(store);
        String heldHere = first.accept(request("pT2 pN1a"), ORIGIN).id();
        String beforeRestart = first.accept(request("pT3 pN0"), ORIGIN).id();

        assertThat(first.process(heldHere).state().status()).isEqualTo(JobStatus.SUCCEEDED);
        JobService restarted = jobs(TestStores.store(folder, "eu-west", kek, clock)); // holds nothing in memory
        assertThat(restarted.process(beforeRestart).state().status()).isEqualTo(JobStatus.SUCCEEDED);

        assertThat(seen).hasSize(2);
        // booleans, not the texts: a failing assertion must not print the canary's line
        assertThat(text(seen.get(0)).equals(text(request("pT2 pN1a")))).as("held in memory").isTrue();
        assertThat(text(seen.get(1)).equals(text(request("pT3 pN0")))).as("read back from the store").isTrue();
    }

    @Test
    void aJobWhoseStoredRequestHasExpiredIsGoneEvenWhileHeldInMemory() throws Exception {
        JobService jobs = jobs(TestStores.store(folder, "eu-west", kek, clock));
        String id = jobs.accept(request("pT1 pN0"), ORIGIN).id();
        clock.advance(Duration.ofHours(25));

        assertThatThrownBy(() -> jobs.process(id)).isInstanceOf(PayloadUnavailableException.class);
        assertThat(seen).as("never inferred").isEmpty();
    }

    private JobService jobs(RegionalStore store) {
        InferenceEngine engine = new WholeJobEngine((id, request) -> {
            seen.add(request);
            return new InferenceResult(List.of(), "test");
        });
        return new JobService(store, new JobValidator(JobLimits.of(50_000, 2)), engine,
                new UsageCounters(new SimpleMeterRegistry(), "test", "eu-west", new UsageLedger(), clock), origin -> false);
    }

    private static JobRequest request(String staging) {
        return new JobRequest(List.of(new PatientRecord("P-9002", null, List.of(new PatientDocument(PatientDocument.NOTE,
                ClinicalType.PATHOLOGY_REPORT, "doc-1", "en", null,
                DocumentContent.inline(PhiCanary.patientLine() + " " + staging))))), JobConfiguration.DEFAULTS);
    }

    private static String text(JobRequest request) {
        return request.patients().get(0).patientDocuments().get(0).text();
    }
}
