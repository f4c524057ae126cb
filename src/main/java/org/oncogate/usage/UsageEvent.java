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

    /** The outcome label of an HTTP call answered with {@code status}, the same for every HTTP channel. */
    public static String httpOutcome(int status) {
        return switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "notFound";
            case 429 -> "throttled";
            default -> status >= 500 ? "error" : "rejected";
        };
    }

    UsageKey key() {
        return new UsageKey(api, operation, subscription, outcome);
    }
}
