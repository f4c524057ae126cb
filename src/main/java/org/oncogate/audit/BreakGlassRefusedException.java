package org.oncogate.audit;

/** A break-glass attempt that was refused (and audited as such). The message holds ids only. */
public class BreakGlassRefusedException extends Exception {

    private final String outcome;

    public BreakGlassRefusedException(String outcome, String message) {
        super(message);
        this.outcome = outcome;
    }

    /** The outcome recorded in the audit log, e.g. {@code refused:not-on-call}. */
    public String outcome() {
        return outcome;
    }
}
