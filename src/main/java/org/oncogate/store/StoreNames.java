package org.oncogate.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Name rules of the store: regions, ids and parts are plain ASCII names (ids and regions may contain
 * dots, parts may not), and every path is resolved under the region root.
 */
final class StoreNames {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");

    private StoreNames() {
    }

    static String region(String region) {
        return checked(region, NAME, "region", NAME.pattern());
    }

    static String id(String id) {
        return checked(id, NAME, "id", NAME.pattern());
    }

    static String part(String part) {
        return checked(part, PART, "part", PART.pattern());
    }

    /** {@code root/names...}, refused if normalizing it would leave {@code root}. */
    static Path under(Path root, String... names) {
        Path path = root;
        for (String name : names) {
            path = path.resolve(name);
        }
        path = path.normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new StorePathException("store path escapes the region root");
        }
        return path;
    }

    /**
     * Refuses {@code path} when it, or its nearest existing ancestor, resolves through a symbolic
     * link to somewhere outside {@code root} (as resolved itself: the operator may link the data
     * directory elsewhere, but nothing inside the region root may lead out of it).
     */
    static void requireInside(Path root, Path path) {
        if (!Files.exists(root)) {
            return; // nothing under it exists yet, so nothing under it can lead elsewhere
        }
        Path existing = path;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        try {
            if (existing == null || !existing.toRealPath().startsWith(root.toRealPath())) {
                throw new StorePathException("store path resolves outside the region root");
            }
        } catch (IOException dangling) {
            throw new StorePathException("store path resolves outside the region root");
        }
    }

    private static String checked(String value, Pattern pattern, String what, String rule) {
        if (value == null || !pattern.matcher(value).matches()) {
            // never echo the value: it came from outside and may be anything
            throw new StorePathException("invalid " + what + ": must match " + rule);
        }
        return value;
    }
}
