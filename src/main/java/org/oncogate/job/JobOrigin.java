package org.oncogate.job;

/**
 * Where a job came from and where its result goes back: the channel ({@code inbox}, {@code api},
 * ...), the subscription, and a channel-specific reply address (for the inbox, the outbox name).
 * The reply address may carry patient identifiers (file names), so it is never printed.
 */
public record JobOrigin(String channel, String subscription, String replyTo) {

    @Override
    public String toString() {
        return "JobOrigin[channel=" + channel + ", subscription=" + subscription + "]";
    }
}
