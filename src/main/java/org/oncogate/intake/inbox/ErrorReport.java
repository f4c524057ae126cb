package org.oncogate.intake.inbox;

import java.time.Instant;
import org.oncogate.job.JobError;

/**
 * The plain report written to the outbox for a refused inbox file: what was wrong and where, the
 * quarantine entry that holds the file, and never any content of it.
 */
record ErrorReport(String status, Instant receivedDateTime, JobError error, String quarantineId) {

    static ErrorReport refused(Instant received, JobError error, String quarantineId) {
        return new ErrorReport("refused", received, error, quarantineId);
    }
}
