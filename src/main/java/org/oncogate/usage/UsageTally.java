package org.oncogate.usage;

/** Calls, documents and characters counted under one {@link UsageKey} in one hour. */
public record UsageTally(long calls, long documents, long characters) {

    static final UsageTally ZERO = new UsageTally(0, 0, 0);

    UsageTally plus(UsageEvent event) {
        return new UsageTally(calls + 1, documents + event.documents(), characters + event.characters());
    }
}
