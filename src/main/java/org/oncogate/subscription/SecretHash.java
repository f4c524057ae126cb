package org.oncogate.subscription;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The SHA-256 of a configured secret (a subscription key, a FHIR source's shared secret), given
 * either as the hash ({@code <prefix><name>-sha256}) or as the name of an environment variable that
 * holds the secret ({@code <prefix><name>-env}, which wins). The secret itself is never kept.
 */
public final class SecretHash {

    private SecretHash() {
    }

    /** The configured hash, or null when neither key is set. */
    public static byte[] read(String prefix, String name, UnaryOperator<String> property,
                              UnaryOperator<String> environment) {
        String hash = property.apply(prefix + name + "-sha256");
        String variable = property.apply(prefix + name + "-env");
        if (variable != null) {
            String secret = environment.apply(variable);
            if (secret == null || secret.isEmpty()) {
                throw new IllegalStateException(prefix + name + "-env names environment variable " + variable
                        + ", which is not set");
            }
            return sha256(secret);
        }
        return hash == null ? null : HexFormat.of().parseHex(hash.trim().toLowerCase(Locale.ROOT));
    }

    /** Compares in constant time, so the answer time does not leak the hash. */
    public static boolean matches(byte[] expectedSha256, String candidate) {
        return candidate != null && !candidate.isEmpty() && MessageDigest.isEqual(expectedSha256, sha256(candidate));
    }

    public static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
