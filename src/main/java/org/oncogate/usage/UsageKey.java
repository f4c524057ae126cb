package org.oncogate.usage;

/** The labels one tally is kept under. */
public record UsageKey(String api, String operation, String subscription, String outcome) {
}
