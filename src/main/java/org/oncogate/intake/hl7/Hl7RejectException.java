package org.oncogate.intake.hl7;

import org.oncogate.job.JobError;
import org.oncogate.job.RejectedInputException;

/**
 * An HL7 message that will never be accepted as it is (an AR, not an AE): unparseable, an unsupported
 * type, a missing required field. The code names the rule, the location the HL7 field (e.g.
 * {@code PID-3}); the message never quotes a value. HAPI's own exceptions are deliberately not
 * kept as the cause, because their messages quote the message text.
 *
 * <p>It is a {@link RejectedInputException}, so the inbox channel can quarantine a refused
 * {@code .hl7} file with the same error report as any other refused file.
 */
public class Hl7RejectException extends RejectedInputException {

    private static final long serialVersionUID = 1L;

    public Hl7RejectException(String code, String message, String location) {
        super(JobError.of(code, message, location));
    }

    /** The rule that was broken, e.g. {@code MissingPatientId}; fits ERR-3 and MSA-3. */
    public String code() {
        return error().code();
    }

    /** Where in the message, e.g. {@code PID-3}; fits ERR-2. */
    public String location() {
        return error().target();
    }
}
