package org.oncogate.intake.api;

/** HTTP 403: subscription bound to another region. */
public class RegionMismatchException extends ApiException {

    public RegionMismatchException(String code, String message, String target) {
        super(code, message, target);
    }

    @Override
    public int status() {
        return 403;
    }
}
