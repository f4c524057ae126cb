package org.oncogate.intake.api;

/** HTTP 429: the subscription's request rate is exceeded; the answer says when to try again (Retry-After). */
public class TooManyRequestsException extends ApiException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(long retryAfterSeconds) {
        super("TooManyRequests", "the subscription's request rate is exceeded; send the request again after "
                + retryAfterSeconds + " s (Retry-After)", null);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public int status() {
        return 429;
    }
}
