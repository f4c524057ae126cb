package org.oncogate.intake.api;

/** HTTP 400: api-version missing, unknown or not served at this path. */
public class UnsupportedApiVersionException extends ApiException {

    public UnsupportedApiVersionException(String code, String message, String target) {
        super(code, message, target);
    }

    @Override
    public int status() {
        return 400;
    }
}
