package org.oncogate.job;

import java.time.Instant;

/** What is stored (encrypted) for an accepted job: its id, origin, arrival time and request. */
public record JobEnvelope(String id, JobOrigin origin, Instant receivedDateTime, JobRequest request) {
}
