package org.oncogate.job;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.oncogate.inference.InferenceEngine;
import org.oncogate.inference.InferenceFailedException;
import org.oncogate.inference.InferenceInterruptedException;
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
    public static final String REQUEST = "request";
    /**
     * The exchange property a channel sets to true when it accepted a new job (not a resend of one it
     * has): the channel's route then hands the job to inference.
     */
    public static final String NEW_JOB = "oncogateNewJob";
    /** The part holding a job's origin and state, its result once finished. */
    public static final String STATE = "state";

    private final RegionalStore store;
    private final JobValidator validator;
    private final InferenceEngine engine;
    private final UsageCounters usage;
    private final Predicate<JobOrigin> servedOnRead;
    private final Instant started;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /**
     * Jobs accepted by this process and not yet run, as they were stored: inference takes them from here
     * instead of reading, decrypting and parsing the stored copy again, once they found it still stored.
     * Bounded: beyond {@link #MAX_WAITING_IN_MEMORY} (the default inference queue), and for every job after
     * a restart, inference reads the stored copy, which is what makes a job durable either way.
     */
    private final Map<String, Accepted> waiting = new ConcurrentHashMap<>();
    private static final int MAX_WAITING_IN_MEMORY = 10_000;
    private final Object[] acceptLocks = new Object[64];

    /**
     * {@code servedOnRead}: which jobs are delivered by serving their result when asked (the job API,
     * HL7 without a results receiver, FHIR without write-back); their final state is written as
     * delivered, in the same write.
     */
    public JobService(RegionalStore store, JobValidator validator, InferenceEngine engine, UsageCounters usage,
                      Predicate<JobOrigin> servedOnRead) {
        this.store = store;
        this.validator = validator;
        this.engine = engine;
        this.usage = usage;
        this.servedOnRead = servedOnRead;
        this.started = store.clock().instant();
        for (int i = 0; i < acceptLocks.length; i++) {
            acceptLocks[i] = new Object();
        }
    }

    /**
     * Checks a job without storing it, so that a channel taking several jobs at once (an HL7 batch
     * file) can refuse them all before any is stored.
     */
    public void validate(JobRequest request) throws InvalidJobException {
        validator.validate(request);
    }

    /** Validates and durably stores a job; when this returns, the job may be acknowledged. */
    public JobState accept(JobRequest request, JobOrigin origin) throws InvalidJobException, IOException {
        validator.validate(request);
        return store(UUID.randomUUID().toString(), request, origin).state();
    }

    /**
     * Accepts a job under an id the channel derives from the sender's own message id, so that a
     * resend finds the first job instead of storing a second one.
     */
    public Acceptance acceptOnce(String id, JobRequest request, JobOrigin origin) throws InvalidJobException, IOException {
        validator.validate(request);
        synchronized (acceptLocks[Math.floorMod(id.hashCode(), acceptLocks.length)]) {
            Optional<JobRecord> earlier = find(id);
            if (earlier.isPresent()) {
                LOG.info("job {} received again from {}; stored once", id, origin.channel());
                return new Acceptance(earlier.get(), true);
            }
            return new Acceptance(store(id, request, origin), false);
        }
    }

    /** A stored request and the bucket it was stored in. */
    private record Accepted(JobEnvelope envelope, Bucket bucket) {

        /** Never prints the request. */
        @Override
        public String toString() {
            return "Accepted[job=" + envelope.id() + ", bucket=" + bucket + "]";
        }
    }

    /** A job as accepted, and whether it had been accepted before. */
    public record Acceptance(JobRecord job, boolean duplicate) {
    }

    /**
     * One durable write: the request envelope is the accepted job. Its {@code notStarted} state is not
     * written, it follows from the envelope (see {@link #find}); the first state written is the final one.
     */
    private JobRecord store(String id, JobRequest request, JobOrigin origin) throws IOException {
        Instant now = store.clock().instant();
        Bucket bucket = store.policy().bucketFor(now);
        JobEnvelope envelope = new JobEnvelope(id, origin, now, request);
        store.write(PayloadKind.INPUT, id, REQUEST, JobJson.writeStored(envelope), bucket);
        if (waiting.size() < MAX_WAITING_IN_MEMORY) {
            waiting.put(id, new Accepted(envelope, bucket));
        }
        LOG.info("job {} accepted from {} for subscription {}", id, origin.channel(), origin.subscription());
        return notStarted(origin, id, now, bucket);
    }

    private JobRecord notStarted(JobOrigin origin, String id, Instant received, Bucket bucket) {
        return new JobRecord(origin, JobState.notStarted(id, received, store.policy().expiryOf(bucket)));
    }

    /** Runs inference for an accepted job and stores its final state; a finished job is not run again. */
    public JobRecord process(String id) throws PayloadUnavailableException, IOException {
        if (!inFlight.add(id)) {
            return find(id).orElseThrow(() -> missing(PayloadKind.STATE, id));
        }
        try {
            return runOnce(id);
        } finally {
            inFlight.remove(id);
        }
    }

    private JobRecord runOnce(String id) throws PayloadUnavailableException, IOException {
        Accepted inMemory = waiting.remove(id);
        StoredPayload input = store.find(PayloadKind.INPUT, id, REQUEST)
                .orElseThrow(() -> missing(PayloadKind.INPUT, id)); // purged or expired: gone, even if held here
        Accepted accepted = inMemory != null ? inMemory
                : new Accepted(JobJson.read(store.read(input), JobEnvelope.class), input.bucket());
        JobEnvelope envelope = accepted.envelope();
        Optional<StoredPayload> state = store.find(PayloadKind.STATE, id, STATE, input.bucket());
        JobRecord record = state.isPresent() ? JobJson.read(store.read(state.get()), JobRecord.class)
                : notStarted(envelope.origin(), id, envelope.receivedDateTime(), accepted.bucket());
        if (record.state().status().isFinal()) {
            return record;
        }
        // no "running" state is written (a durable write per job); find() reports it while the job is in flight
        JobRecord done = new JobRecord(record.origin(), infer(envelope, record.state()),
                servedOnRead.test(record.origin()));
        save(done, accepted.bucket());
        JobRequest request = envelope.request();
        usage.record(new UsageEvent(envelope.origin().channel(), "infer", envelope.origin().subscription(),
                done.state().status().wireName(), request.documentCount(), request.characterCount()));
        LOG.info("job {} {}", id, done.state().status().wireName());
        return done;
    }

    /**
     * The job's origin and state, while it is retained; empty once expired or purged. A job with a
     * stored request and no state yet is {@code notStarted}, as of when its request was received.
     */
    public Optional<JobRecord> find(String id) throws IOException {
        try {
            // a job is its request; its state, once written, is in the request's bucket (see save)
            Optional<StoredPayload> input = store.find(PayloadKind.INPUT, id, REQUEST);
            if (input.isEmpty()) {
                return Optional.empty();
            }
            Optional<StoredPayload> stored = store.find(PayloadKind.STATE, id, STATE, input.get().bucket());
            if (stored.isPresent()) {
                return Optional.of(JobJson.read(store.read(stored.get()), JobRecord.class));
            }
            JobEnvelope envelope = JobJson.read(store.read(input.get()), JobEnvelope.class);
            JobRecord waiting = notStarted(envelope.origin(), id, envelope.receivedDateTime(), input.get().bucket());
            // "running" is never written (it would cost a durable write per job); it is known here
            return Optional.of(inFlight.contains(id)
                    ? new JobRecord(waiting.origin(), waiting.state().running(store.clock().instant())) : waiting);
        } catch (PayloadUnavailableException e) {
            return Optional.empty();
        }
    }

    /**
     * Ids of jobs accepted before this gateway started that were not finished or whose result was
     * not delivered (a crash). Running them again finishes them, or finds them finished and
     * delivers them. Jobs accepted since are handed to inference by their own channel. A request
     * whose durable write completed just before a crash, but was never acknowledged, is run too: its
     * sender sends it again, and a channel with its own ids (HL7) finds this job; otherwise the
     * result goes unused and expires.
     */
    public List<String> undelivered() {
        return store.list(PayloadKind.INPUT).stream()
                .map(StoredPayload::id)
                .filter(this::isUndeliveredFromBefore)
                .toList();
    }

    /**
     * Records that the job's channel has delivered its final state; recovery then leaves it alone. A
     * job of a channel served on read was recorded delivered with its final state: nothing is written.
     */
    public void markDelivered(JobRecord job) throws IOException {
        if (job.delivered()) {
            return;
        }
        StoredPayload input = store.find(PayloadKind.INPUT, job.id(), REQUEST)
                .orElseThrow(() -> new IOException("job " + job.id() + " expired before its delivery was recorded"));
        save(job.asDelivered(), input.bucket());
    }

    private boolean isUndeliveredFromBefore(String id) {
        try {
            return find(id).map(r -> !r.delivered() && r.state().createdDateTime().isBefore(started)).orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    private JobState infer(JobEnvelope envelope, JobState state) {
        try {
            return state.succeeded(engine.inferJob(envelope.id(), envelope.request()), store.clock().instant());
        } catch (InferenceInterruptedException e) {
            throw e;
        } catch (InferenceFailedException e) {
            LOG.warn("job {} failed in inference: {}", envelope.id(), e.error().code());
            return state.failed(e.error(), store.clock().instant());
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

    /** Into the bucket of the job's request, where {@link #find} looks for it. */
    private void save(JobRecord record, Bucket bucket) throws IOException {
        store.write(PayloadKind.STATE, record.id(), STATE, JobJson.writeStored(record), bucket);
    }
}
