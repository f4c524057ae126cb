package org.oncogate.job;

/** A job after inference: its final state and where to deliver it. */
public record ProcessedJob(JobOrigin origin, JobState state) {

    /** The delivery route for the job's channel, e.g. {@code direct:deliver-inbox}. */
    public String deliveryEndpoint() {
        return "direct:deliver-" + origin.channel();
    }
}
