package org.oncogate.intake.api;

/** HTTP 401: no valid subscription key. */
public class UnauthorizedException extends ApiException {

    public UnauthorizedException(String code, String message, String target) {
        super(code, message, target);
    }

    @Override
    public int status() {
        return 401;
    }
}
