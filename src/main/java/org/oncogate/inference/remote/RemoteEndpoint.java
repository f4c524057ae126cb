package org.oncogate.inference.remote;

import java.net.URI;
import java.util.Objects;

/**
 * An Onco-Phenotype-compatible service: its base URL (scheme, host, port), the api-version spoken,
 * the subscription key sent in {@code Ocp-Apim-Subscription-Key}, and the region it declares it
 * serves. The key is never printed.
 */
public record RemoteEndpoint(URI baseUrl, String apiVersion, String key, String region) {

    /** The one api-version whose request and job shapes are the canonical model (job/). */
    public static final String API_VERSION = "2023-09-01-preview";
    static final String JOBS_PATH = "/health-insights/onco-phenotype/jobs";

    public RemoteEndpoint {
        Objects.requireNonNull(baseUrl, "oncogate.inference.remote.base-url is required");
        if (!("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme())) || baseUrl.getHost() == null
                || baseUrl.getRawQuery() != null || baseUrl.getRawUserInfo() != null) {
            // credentials in the URL would be printed with it; the key comes from key-env
            throw new IllegalArgumentException("oncogate.inference.remote.base-url must be an http(s) URL without "
                    + "credentials or query, e.g. https://host:443");
        }
        if (!API_VERSION.equals(apiVersion)) {
            throw new IllegalArgumentException("oncogate.inference.remote.api-version must be " + API_VERSION
                    + ": the remote engine reads and writes that version's job shape");
        }
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("the remote inference endpoint needs a subscription key");
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("oncogate.inference.remote.region must declare the region the "
                    + "remote inference service serves");
        }
    }

    /**
     * Refuses a service of another region: documents may only be sent to a service in the region this
     * instance serves (invariant 4).
     */
    public void requireRegion(String instanceRegion) {
        if (!region.equals(instanceRegion)) {
            throw new IllegalStateException("oncogate.inference.remote.region is " + region
                    + " but this instance serves oncogate.region " + instanceRegion
                    + ": a remote inference endpoint must serve the instance's own region; not starting");
        }
    }

    /** POST target: {@code <base>/health-insights/onco-phenotype/jobs?api-version=...}. */
    URI jobsUrl() {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return URI.create(base + JOBS_PATH + "?api-version=" + apiVersion);
    }

    /** Whether a URL the service handed back (an Operation-Location) points at the service itself. */
    boolean serves(URI url) {
        return baseUrl.getScheme().equalsIgnoreCase(url.getScheme())
                && baseUrl.getHost().equalsIgnoreCase(url.getHost()) && port(baseUrl) == port(url);
    }

    private static int port(URI url) {
        return url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    @Override
    public String toString() {
        return "RemoteEndpoint[" + baseUrl + ", " + apiVersion + ", region=" + region + "]";
    }
}
