package org.oncogate.intake.inbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file taken from {@code inbox/<subscription>/<name>}. File names may carry patient ids, so logs
 * show only {@link #fingerprint()}.
 */
record InboxFile(String subscription, String name) {

    /** From the path relative to the inbox root, e.g. {@code default/P1.txt}. */
    static InboxFile of(String relativePath) {
        Path path = Path.of(relativePath);
        if (path.getNameCount() != 2) {
            throw new IllegalArgumentException("inbox files live in inbox/<subscription>/");
        }
        return new InboxFile(path.getName(0).toString(), path.getName(1).toString());
    }

    boolean isNote() {
        return name.endsWith(".txt");
    }

    boolean isHl7() {
        return name.endsWith(".hl7");
    }

    boolean isRequest() {
        return name.endsWith(".json");
    }

    /** The name without its extension: results and error reports are named after it. */
    String baseName() {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** First 12 hex digits of the SHA-256 of the name: enough to follow a file through the logs. */
    String fingerprint() {
        return fingerprint(name);
    }

    /** First 12 hex digits of the SHA-256 of a name. */
    static String fingerprint(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "InboxFile[subscription=" + subscription + ", file=" + fingerprint() + "]";
    }
}
