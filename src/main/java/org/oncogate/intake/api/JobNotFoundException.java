package org.oncogate.intake.api;

/** HTTP 404: job unknown, expired or purged. */
public class JobNotFoundException extends ApiException {

    public JobNotFoundException(String code, String message, String target) {
        super(code, message, target);
    }

    @Override
    public int status() {
        return 404;
    }
}
