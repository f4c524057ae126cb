package org.oncogate.store;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A time bucket: every payload written in it shares one data key and one expiry.
 * Its id is the UTC start minute, e.g. {@code 20261129T1315}, which sorts like the start.
 */
public record Bucket(Instant start) implements Comparable<Bucket> {

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmm")
            .withResolverStyle(ResolverStyle.STRICT)
            .withZone(ZoneOffset.UTC);
    private static final Pattern ID_SHAPE = Pattern.compile("\\d{8}T\\d{4}");

    public Bucket {
        Objects.requireNonNull(start, "start");
        if (!start.truncatedTo(ChronoUnit.MINUTES).equals(start)) {
            throw new IllegalArgumentException("a bucket starts on a whole UTC minute");
        }
    }

    public String id() {
        return ID.format(start);
    }

    /** Parses an id made by {@link #id()}; anything else is an {@link IllegalArgumentException}. */
    public static Bucket parse(String id) {
        if (id == null || !ID_SHAPE.matcher(id).matches()) {
            throw new IllegalArgumentException("not a bucket id (expected yyyyMMddTHHmm, UTC)");
        }
        try {
            return new Bucket(LocalDateTime.parse(id, ID).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a bucket id (expected yyyyMMddTHHmm, UTC)", e);
        }
    }

    @Override
    public int compareTo(Bucket other) {
        return start.compareTo(other.start);
    }
}
