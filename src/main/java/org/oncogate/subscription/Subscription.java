package org.oncogate.subscription;

import java.security.MessageDigest;

/**
 * A customer subscription: its name (a usage label and an inbox folder), the region it is bound
 * to, and the SHA-256 of its key. The key itself is never kept.
 */
public record Subscription(String name, String region, byte[] keySha256) {

    public Subscription {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")) {
            throw new IllegalArgumentException("a subscription name is 1-64 letters, digits, '-' or '_'");
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("subscription " + name + " has no region");
        }
        if (keySha256 == null || keySha256.length != 32) {
            throw new IllegalArgumentException("subscription " + name + " needs a key (key-sha256 or key-env)");
        }
        keySha256 = keySha256.clone();
    }

    /** Compares in constant time, so the answer time does not leak the hash. */
    public boolean hasKeyHash(byte[] candidateSha256) {
        return MessageDigest.isEqual(keySha256, candidateSha256);
    }

    @Override
    public String toString() {
        return "Subscription[name=" + name + ", region=" + region + "]";
    }
}
