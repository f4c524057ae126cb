package org.oncogate.inference.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import org.oncogate.inference.InferenceFailedException;
import org.oncogate.job.JobError;
import org.oncogate.job.JobJson;
import org.oncogate.job.JobState;

/**
 * The errors a job fails with when its remote service fails it, one code per reason. The service's
 * own error code is passed on when it looks like a code; its messages are not, as they might
 * quote the request.
 */
final class RemoteErrors {

    static final String UNAUTHORIZED = "RemoteUnauthorized";
    static final String REJECTED = "RemoteRequestRejected";
    static final String NOT_FOUND = "RemoteJobNotFound";
    static final String UNAVAILABLE = "RemoteUnavailable";
    static final String INVALID = "RemoteResponseInvalid";
    static final String DEADLINE = "RemoteDeadlineExceeded";
    static final String JOB_FAILED = "RemoteJobFailed";

    private RemoteErrors() {
    }

    /** A response that is neither a success nor transient is a refusal: never retried. */
    static RemoteResponse requireSuccess(RemoteResponse response, String step) {
        if (response.isSuccess()) {
            return response;
        }
        int status = response.status();
        String code = status == 401 || status == 403 ? UNAUTHORIZED : status == 404 && "poll".equals(step) ? NOT_FOUND
                : REJECTED;
        throw failure(code, "the remote inference service refused the " + step + " with HTTP " + status
                + serviceCode(errorCode(response)));
    }

    static InferenceFailedException unavailable(String step, String lastFailure, int attempts) {
        return failure(UNAVAILABLE, "the remote inference service did not answer the " + step + " after "
                + attempts + " attempts (last: " + lastFailure + ")");
    }

    static InferenceFailedException invalid(String what) {
        return failure(INVALID, "the remote inference service answered in a way this gateway cannot use: " + what);
    }

    static InferenceFailedException deadline(Duration deadline) {
        return failure(DEADLINE, "the remote inference service did not finish the job within "
                + deadline.toSeconds() + " s");
    }

    static InferenceFailedException jobFailed(JobState state) {
        return failure(JOB_FAILED, "the remote inference service reports the job " + state.status().wireName()
                + serviceCode(state.error() == null ? null : state.error().code()));
    }

    private static InferenceFailedException failure(String code, String message) {
        return new InferenceFailedException(JobError.of(code, message, null));
    }

    private static String serviceCode(String code) {
        return code != null && code.matches("[A-Za-z][A-Za-z0-9_.-]{0,63}") ? ", code " + code : "";
    }

    /** {@code error.code} of an Azure error envelope, when the body is one. */
    private static String errorCode(RemoteResponse response) {
        try {
            JsonNode envelope = JobJson.MAPPER.readTree(response.body());
            JsonNode code = envelope == null ? null : envelope.path("error").path("code");
            return code != null && code.isTextual() ? code.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
