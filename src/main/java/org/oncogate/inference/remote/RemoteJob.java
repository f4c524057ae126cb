package org.oncogate.inference.remote;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.oncogate.inference.InferenceInterruptedException;
import org.oncogate.job.InferenceResult;
import org.oncogate.job.JobJson;
import org.oncogate.job.JobRequest;
import org.oncogate.job.JobState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job's conversation with the remote service: submit it (retried under the same
 * {@code Repeatability-Request-ID}, so the service keeps one job however often the POST is sent),
 * then poll its {@code Operation-Location}, waiting as {@code Retry-After} says, until it is final or
 * the deadline passes. Logs name the job id, the step and the status code, never a body.
 */
final class RemoteJob {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteJob.class);

    private final RemoteEndpoint remote;
    private final RetryPolicy policy;
    private final RemoteHttp http;
    private final Clock clock;
    private final String jobId;
    private final Instant deadline;

    RemoteJob(RemoteEndpoint remote, RetryPolicy policy, RemoteHttp http, Clock clock, String jobId) {
        this.remote = remote;
        this.policy = policy;
        this.http = http;
        this.clock = clock;
        this.jobId = jobId;
        this.deadline = clock.instant().plus(policy.deadline());
    }

    InferenceResult run(JobRequest request) {
        byte[] body = JobJson.write(request);
        RemoteResponse response = call("submit", () -> http.post(remote.jobsUrl(), repeatabilityId(jobId), body));
        // the 202 has no body in the official API: the job is only known by polling
        URI location = operationLocation(response);
        JobState state;
        do {
            pause(policy.pollWait(response.retryAfterFrom(clock.instant()).orElse(null)), "the job to finish");
            response = call("poll", () -> http.get(location));
            state = job(response);
        } while (!state.status().isFinal());
        return result(state);
    }

    /** One call, retried on transient failures with exponential backoff or as Retry-After says. */
    private RemoteResponse call(String step, Call call) {
        for (int attempt = 0; ; attempt++) {
            String failure;
            Duration wait;
            try {
                RemoteResponse response = call.send();
                if (!response.isTransient()) {
                    return RemoteErrors.requireSuccess(response, step);
                }
                failure = "HTTP " + response.status();
                wait = response.retryAfterFrom(clock.instant()).orElse(policy.backoffBefore(attempt));
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InferenceInterruptedException(jobId);
                }
                failure = e.getClass().getSimpleName();
                wait = policy.backoffBefore(attempt);
            }
            if (attempt == policy.retries()) {
                LOG.warn("remote inference: job {} {} failed ({}), {} retries spent", jobId, step, failure, attempt);
                throw RemoteErrors.unavailable(step, failure, attempt + 1);
            }
            LOG.info("remote inference: job {} {} failed ({}), retry {} in {} ms", jobId, step, failure, attempt + 1,
                    wait.toMillis());
            pause(wait, "a retry");
        }
    }

    private URI operationLocation(RemoteResponse accepted) {
        URI location;
        try {
            location = accepted.operationLocation() == null ? null : URI.create(accepted.operationLocation());
        } catch (IllegalArgumentException e) {
            location = null;
        }
        if (location == null || !remote.serves(location)) {
            // the key goes with every poll: it is only ever sent to the configured service
            throw RemoteErrors.invalid("its answer to the submission has no Operation-Location on the service's own host");
        }
        return location;
    }

    /** The job the service answered with; Jackson's messages may quote the body, so none is kept. */
    private static JobState job(RemoteResponse response) {
        try {
            JobState state = JobJson.readFromService(response.body(), JobState.class);
            if (state == null || state.status() == null) {
                throw RemoteErrors.invalid("its answer has no job status");
            }
            return state;
        } catch (IOException e) {
            throw RemoteErrors.invalid("its answer is not an Onco-Phenotype job (malformed JSON or another shape)");
        }
    }

    private static InferenceResult result(JobState state) {
        return switch (state.status()) {
            case SUCCEEDED -> {
                if (state.result() == null) {
                    throw RemoteErrors.invalid("it reports the job succeeded but sends no result");
                }
                yield state.result();
            }
            default -> throw RemoteErrors.jobFailed(state);
        };
    }

    /** Waits, unless the wait would end past the job's deadline. */
    private void pause(Duration wait, String what) {
        if (clock.instant().plus(wait).isAfter(deadline)) {
            LOG.warn("remote inference: job {} gave up waiting for {}: deadline of {} s", jobId, what,
                    policy.deadline().toSeconds());
            throw RemoteErrors.deadline(policy.deadline());
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InferenceInterruptedException(jobId);
        }
    }

    /** The same for every submission of a job, and never another job's. */
    static String repeatabilityId(String jobId) {
        return "oncogate-" + jobId;
    }

    @FunctionalInterface
    private interface Call {
        RemoteResponse send() throws IOException;
    }
}
