package org.oncogate.intake.fhir;

import org.oncogate.subscription.SecretHash;

/**
 * A FHIR server that notifies the gateway: its name (the path segment it posts to), its base URL
 * (where focus resources are read back and results written), the SHA-256 of the shared secret its
 * subscriptions send in a header, the oncogate subscription its documents belong to, whether
 * results are written back to it, and an optional bearer token for reading and writing.
 */
public record FhirSource(String name, String baseUrl, byte[] secretSha256, String subscription, boolean writeBack,
                         String accessToken) {

    public FhirSource {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")) {
            throw new IllegalArgumentException("a FHIR source name is 1-64 letters, digits, '-' or '_'");
        }
        if (baseUrl == null || !baseUrl.matches("https?://.+")) {
            throw new IllegalArgumentException("FHIR source " + name + " needs an http(s) base-url");
        }
        if (secretSha256 == null || secretSha256.length != 32) {
            throw new IllegalArgumentException("FHIR source " + name + " needs a secret (secret-sha256 or secret-env)");
        }
        if (subscription == null || subscription.isBlank()) {
            throw new IllegalArgumentException("FHIR source " + name + " needs a subscription");
        }
        baseUrl = baseUrl.replaceAll("/+$", "");
        secretSha256 = secretSha256.clone();
    }

    public boolean acceptsSecret(String candidate) {
        return SecretHash.matches(secretSha256, candidate);
    }

    /** Never prints the secret's hash or the token. */
    @Override
    public String toString() {
        return "FhirSource[name=" + name + ", subscription=" + subscription + ", writeBack=" + writeBack + "]";
    }
}
