package org.oncogate.inference.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** What a remote endpoint may be configured as, and which URLs count as its own. */
class RemoteEndpointTest {

    @Test
    void theJobsUrlIsTheBaseWithTheOfficialPathAndVersion() {
        assertThat(endpoint("https://insights.example.org/").jobsUrl()).hasToString(
                "https://insights.example.org/health-insights/onco-phenotype/jobs?api-version=2023-09-01-preview");
    }

    @Test
    void onlyUrlsOnTheSameSchemeHostAndPortAreTheServices() {
        RemoteEndpoint remote = endpoint("https://insights.example.org");
        assertThat(remote.serves(URI.create("https://insights.example.org:443/health-insights/x"))).isTrue();
        assertThat(remote.serves(URI.create("http://insights.example.org/health-insights/x"))).as("scheme").isFalse();
        assertThat(remote.serves(URI.create("https://insights.example.org:8443/x"))).as("port").isFalse();
        assertThat(remote.serves(URI.create("https://evil.example.org/x"))).as("host").isFalse();
    }

    @Test
    void badConfigurationsAreRefusedByKey() {
        assertThatThrownBy(() -> endpoint("https://user:secret@insights.example.org"))
                .hasMessageContaining("oncogate.inference.remote.base-url").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> endpoint("ftp://insights.example.org"))
                .hasMessageContaining("oncogate.inference.remote.base-url");
        assertThatThrownBy(() -> new RemoteEndpoint(URI.create("https://insights.example.org"), "2023-03-01-preview",
                "key", "eu-west")).hasMessageContaining("oncogate.inference.remote.api-version");
        assertThatThrownBy(() -> new RemoteEndpoint(URI.create("https://insights.example.org"),
                RemoteEndpoint.API_VERSION, "key", " ")).hasMessageContaining("oncogate.inference.remote.region");
    }

    @Test
    void theKeyIsNeverPrinted() {
        assertThat(endpoint("https://insights.example.org")).asString().doesNotContain("the-key");
    }

    private static RemoteEndpoint endpoint(String url) {
        return new RemoteEndpoint(URI.create(url), RemoteEndpoint.API_VERSION, "the-key", "eu-west");
    }
}
