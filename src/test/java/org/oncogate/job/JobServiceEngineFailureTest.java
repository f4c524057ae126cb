package org.oncogate.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.inference.InferenceEngine;
import org.oncogate.inference.InferenceFailedException;
import org.oncogate.inference.InferenceInterruptedException;
import org.oncogate.store.TestStores;
import org.oncogate.testing.PhiCanary;
import org.oncogate.usage.UsageCounters;
import org.oncogate.usage.UsageLedger;

/**
 * How the pipeline records what an engine reports: a failure with its own error ends the job
 * {@code failed} with that error; an interruption (the gateway stopping) leaves it unfinished, so
 * that it runs again.
 */
class JobServiceEngineFailureTest {

    private static final JobRequest REQUEST = new JobRequest(List.of(new PatientRecord("P-9001", null,
            List.of(new PatientDocument(PatientDocument.NOTE, ClinicalType.PATHOLOGY_REPORT, "doc-1", "en", null,
                    DocumentContent.inline(PhiCanary.patientLine() + " pT1 pN0."))))), JobConfiguration.DEFAULTS);
    private static final JobOrigin ORIGIN = new JobOrigin("job-api", "default", null);

    @TempDir
    Path folder;
    private Supplier<InferenceResult> outcome;
    private JobService jobs;

    @BeforeEach
    void start() {
        Clock clock = Clock.systemUTC();
        InferenceEngine engine = new WholeJobEngine((id, request) -> outcome.get());
        jobs = new JobService(TestStores.store(folder, "eu-west", TestStores.randomKek(), clock),
                new JobValidator(JobLimits.of(50_000, 1)), engine,
                new UsageCounters(new SimpleMeterRegistry(), "test", "eu-west", new UsageLedger(), clock), origin -> false);
    }

    @Test
    void anEngineFailureEndsTheJobFailedWithTheEnginesError() throws Exception {
        String id = jobs.accept(REQUEST, ORIGIN).id();
        outcome = () -> {
            throw new InferenceFailedException(JobError.of("RemoteUnavailable", "the service did not answer", null));
        };
        JobState state = jobs.process(id).state();
        assertThat(state.status()).isEqualTo(JobStatus.FAILED);
        assertThat(state.error().code()).isEqualTo("RemoteUnavailable");
        assertThat(jobs.find(id).orElseThrow().state().error().code()).as("stored").isEqualTo("RemoteUnavailable");
    }

    @Test
    void anInterruptedJobIsLeftUnfinishedAndRunsAgain() throws Exception {
        String id = jobs.accept(REQUEST, ORIGIN).id();
        outcome = () -> {
            throw new InferenceInterruptedException(id);
        };
        assertThatThrownBy(() -> jobs.process(id)).isInstanceOf(InferenceInterruptedException.class);
        assertThat(jobs.find(id).orElseThrow().state().status()).as("not failed").isEqualTo(JobStatus.NOT_STARTED);

        outcome = () -> new InferenceResult(List.of(new PatientResult("P-9001", List.of())), "test");
        assertThat(jobs.process(id).state().status()).isEqualTo(JobStatus.SUCCEEDED);
    }
}
