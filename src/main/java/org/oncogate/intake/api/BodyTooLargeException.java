package org.oncogate.intake.api;

/** HTTP 413: body over the size limit. */
public class BodyTooLargeException extends ApiException {

    public BodyTooLargeException(String code, String message, String target) {
        super(code, message, target);
    }

    @Override
    public int status() {
        return 413;
    }
}
