package org.oncogate.intake.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import org.oncogate.job.JobRecord;
import org.oncogate.job.JobService;
import org.oncogate.store.PayloadKind;
import org.oncogate.store.PayloadUnavailableException;
import org.oncogate.store.RegionalStore;
import org.oncogate.store.StoredPayload;
import org.oncogate.subscription.Subscriptions;

/**
 * Azure's repeatable requests: a POST retried with the same {@code Repeatability-Request-ID} gets
 * the same job, for as long as that job exists. The mapping is stored encrypted beside the job, in
 * its bucket, so it expires with it; its name is a hash of subscription and request id.
 */
public final class Repeatability {

    static final String REQUEST_ID = "Repeatability-Request-ID";
    static final String FIRST_SENT = "Repeatability-First-Sent";
    static final String RESULT = "Repeatability-Result";
    private static final String PART = "repeatability";

    private final RegionalStore store;
    private final JobService jobs;

    public Repeatability(RegionalStore store, JobService jobs) {
        this.store = store;
        this.jobs = jobs;
    }

    static void validate(String requestId, String firstSent) throws InvalidRepeatabilityException {
        if (requestId != null && (requestId.isBlank() || requestId.length() > 256)) {
            throw new InvalidRepeatabilityException("InvalidRepeatabilityRequestId",
                    "Repeatability-Request-ID must hold 1 to 256 characters", REQUEST_ID);
        }
        if (firstSent != null) {
            try {
                ZonedDateTime.parse(firstSent, DateTimeFormatter.RFC_1123_DATE_TIME);
            } catch (DateTimeParseException e) {
                throw new InvalidRepeatabilityException("InvalidRepeatabilityFirstSent",
                        "Repeatability-First-Sent must be an HTTP date (RFC 7231 IMF-fixdate)", FIRST_SENT);
            }
        }
    }

    /** The job an earlier request with this id created, if it still exists. */
    Optional<JobRecord> earlierJob(String subscription, String requestId) throws IOException {
        Optional<StoredPayload> mapping = store.find(PayloadKind.STATE, key(subscription, requestId), PART);
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        try {
            String jobId = new String(store.read(mapping.get()), StandardCharsets.UTF_8);
            return jobs.find(jobId).filter(job -> job.isOwnedBy(subscription));
        } catch (PayloadUnavailableException e) {
            return Optional.empty();
        }
    }

    void remember(String subscription, String requestId, JobRecord job) throws IOException {
        StoredPayload input = store.find(PayloadKind.INPUT, job.id(), JobService.REQUEST).orElseThrow(
                () -> new IOException("job " + job.id() + " vanished before its repeatability id was stored"));
        store.write(PayloadKind.STATE, key(subscription, requestId), PART,
                job.id().getBytes(StandardCharsets.UTF_8), input.bucket());
    }

    private static String key(String subscription, String requestId) {
        byte[] hash = Subscriptions.sha256(subscription + "\n" + requestId);
        return "rep-" + HexFormat.of().formatHex(hash, 0, 20);
    }
}
