package org.oncogate.job;

/**
 * What the gateway keeps about a job besides its request: where it came from (who owns it, where
 * its result goes), its current state, and whether its channel has delivered the final state.
 * Stored encrypted as the job's {@code state} part.
 */
public record JobRecord(JobOrigin origin, JobState state, boolean delivered) {

    public JobRecord(JobOrigin origin, JobState state) {
        this(origin, state, false);
    }

    public JobRecord asDelivered() {
        return new JobRecord(origin, state, true);
    }

    /** The delivery route for the job's channel, e.g. {@code direct:deliver-inbox}. */
    public String deliveryEndpoint() {
        return "direct:deliver-" + origin.channel();
    }

    public String id() {
        return state.id();
    }

    public boolean isOwnedBy(String subscription) {
        return origin.subscription().equals(subscription);
    }
}
