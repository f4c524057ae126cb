package org.oncogate.intake.api;

/** HTTP 415: body not JSON. */
public class UnsupportedMediaTypeException extends ApiException {

    public UnsupportedMediaTypeException(String code, String message, String target) {
        super(code, message, target);
    }

    @Override
    public int status() {
        return 415;
    }
}
