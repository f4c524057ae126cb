package org.oncogate.job;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.oncogate.inference.InferenceEngine;
import org.oncogate.store.Bucket;
import org.oncogate.store.PayloadKind;
import org.oncogate.store.PayloadUnavailableException;
import org.oncogate.store.RegionalStore;
import org.oncogate.store.StoredPayload;
import org.oncogate.usage.UsageCounters;
import org.oncogate.usage.UsageEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one pipeline behind every channel: accept a canonical job (validated, then stored encrypted
 * and durable before anyone acknowledges it), run inference, keep its state. All parts of a job
 * live in the time bucket it arrived in, so they expire together.
 */
public final class JobService {

    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);
    private static final String REQUEST = "request";
    private static final String STATE = "state";

    private final RegionalStore store;
    private final JobValidator validator;
    private final InferenceEngine engine;
    private final UsageCounters usage;

    public JobService(RegionalStore store, JobValidator validator, InferenceEngine engine, UsageCounters usage) {
        this.store = store;
        this.validator = validator;
        this.engine = engine;
        this.usage = usage;
    }

    /** Validates and durably stores a job; when this returns, the job may be acknowledged. */
    public JobState accept(JobRequest request, JobOrigin origin) throws InvalidJobException, IOException {
        validator.validate(request);
        String id = UUID.randomUUID().toString();
        Instant now = store.clock().instant();
        Bucket bucket = store.policy().bucketFor(now);
        store.write(PayloadKind.INPUT, id, REQUEST, JobJson.write(new JobEnvelope(id, origin, now, request)), bucket);
        JobState state = JobState.notStarted(id, now, store.policy().expiryOf(bucket));
        store.write(PayloadKind.STATE, id, STATE, JobJson.write(state), bucket);
        LOG.info("job {} accepted from {} for subscription {}", id, origin.channel(), origin.subscription());
        return state;
    }

    /** Runs inference for an accepted job and stores its final state; a finished job is not run again. */
    public ProcessedJob process(String id) throws PayloadUnavailableException, IOException {
        StoredPayload input = store.find(PayloadKind.INPUT, id, REQUEST)
                .orElseThrow(() -> missing(PayloadKind.INPUT, id));
        JobEnvelope envelope = JobJson.read(store.read(input), JobEnvelope.class);
        JobState state = state(id).orElseThrow(() -> missing(PayloadKind.STATE, id));
        if (state.status().isFinal()) {
            return new ProcessedJob(envelope.origin(), state);
        }
        save(state.running(store.clock().instant()), input.bucket());
        JobState done = infer(envelope, state);
        save(done, input.bucket());
        JobRequest request = envelope.request();
        usage.record(new UsageEvent(envelope.origin().channel(), "infer", envelope.origin().subscription(),
                done.status().wireName(), request.documentCount(), request.characterCount()));
        LOG.info("job {} {}", id, done.status().wireName());
        return new ProcessedJob(envelope.origin(), done);
    }

    public Optional<JobState> state(String id) throws PayloadUnavailableException, IOException {
        Optional<StoredPayload> stored = store.find(PayloadKind.STATE, id, STATE);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(JobJson.read(store.read(stored.get()), JobState.class));
    }

    /** Ids of stored jobs that have not reached a final state, e.g. after a crash. */
    public List<String> unfinished() {
        return store.list(PayloadKind.INPUT).stream()
                .map(StoredPayload::id)
                .filter(this::isUnfinished)
                .toList();
    }

    private boolean isUnfinished(String id) {
        try {
            return state(id).map(s -> !s.status().isFinal()).orElse(true);
        } catch (PayloadUnavailableException | IOException e) {
            return false;
        }
    }

    private JobState infer(JobEnvelope envelope, JobState state) {
        JobRequest request = envelope.request();
        try {
            List<PatientResult> results = request.patients().stream()
                    .map(patient -> engine.infer(patient, request.configuration()))
                    .toList();
            return state.succeeded(new InferenceResult(results, engine.modelVersion()), store.clock().instant());
        } catch (RuntimeException e) {
            // the exception's message may quote document text: log its type only
            LOG.error("job {} failed in inference: {}", envelope.id(), e.getClass().getName());
            return state.failed(JobError.of("InferenceFailed", "the inference engine failed on this job", null),
                    store.clock().instant());
        }
    }

    private static PayloadUnavailableException missing(PayloadKind kind, String id) {
        return new PayloadUnavailableException(kind, id, PayloadUnavailableException.Reason.MISSING);
    }

    private void save(JobState state, Bucket bucket) throws IOException {
        store.write(PayloadKind.STATE, state.id(), STATE, JobJson.write(state), bucket);
    }
}
