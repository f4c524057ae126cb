package org.oncogate.store;

/**
 * A region, id or part that is not a safe file-name component, or a path that would leave the
 * region root. The message never repeats the offending value: it may be anything a client sent.
 */
public class StorePathException extends RuntimeException {

    public StorePathException(String message) {
        super(message);
    }
}
