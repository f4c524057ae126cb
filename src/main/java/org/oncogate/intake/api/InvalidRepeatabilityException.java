package org.oncogate.intake.api;

/** HTTP 400: repeatability headers malformed. */
public class InvalidRepeatabilityException extends ApiException {

    public InvalidRepeatabilityException(String code, String message, String target) {
        super(code, message, target);
    }

    @Override
    public int status() {
        return 400;
    }
}
