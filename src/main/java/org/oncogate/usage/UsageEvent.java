package org.oncogate.usage;

/**
 * One counted call. Labels are only api, operation, subscription and outcome (resource and region
 * are the instance's): never anything from a payload.
 */
public record UsageEvent(String api, String operation, String subscription, String outcome,
                         long documents, long characters) {

    public static UsageEvent call(String api, String operation, String subscription, String outcome) {
        return new UsageEvent(api, operation, subscription, outcome, 0, 0);
    }

    UsageKey key() {
        return new UsageKey(api, operation, subscription, outcome);
    }
}
