package org.oncogate.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * File-name rules of the store. Ids and regions may contain dots; parts may not, so that
 * {@code <id>.<part>.tink} splits back unambiguously at its last dot.
 */
final class StoreNames {

    static final String PAYLOAD_SUFFIX = ".tink";
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

    static String payloadFileName(String id, String part) {
        return id(id) + "." + part(part) + PAYLOAD_SUFFIX;
    }

    /** The id and part of a payload file name, or empty for anything the store did not write. */
    static Optional<String[]> idAndPart(String fileName) {
        if (!fileName.endsWith(PAYLOAD_SUFFIX)) {
            return Optional.empty();
        }
        String stem = fileName.substring(0, fileName.length() - PAYLOAD_SUFFIX.length());
        int dot = stem.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String id = stem.substring(0, dot);
        String part = stem.substring(dot + 1);
        if (!NAME.matcher(id).matches() || !PART.matcher(part).matches()) {
            return Optional.empty();
        }
        return Optional.of(new String[] {id, part});
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
