package org.oncogate.job;

/** Input addressed to a subscription this instance does not know. */
public class UnknownSubscriptionException extends RejectedInputException {

    public UnknownSubscriptionException() {
        super(JobError.of("UnknownSubscription", "no subscription of that name is configured on this instance", null));
    }
}
