package org.oncogate.intake.fhir;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.oncogate.job.JobOrigin;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.camel.ProducerTemplate;
import org.oncogate.subscription.SecretHash;
import org.oncogate.subscription.Subscriptions;

/**
 * The configured FHIR sources: {@code oncogate.fhir.sources} (names) and
 * {@code oncogate.fhir.source.<name>.base-url|subscription|secret-sha256|secret-env|write-back|access-token-env}.
 */
public final class FhirSources {

    private final Map<String, FhirSource> byName;

    FhirSources(Map<String, FhirSource> byName) {
        this.byName = Map.copyOf(byName);
    }

    /**
     * @param names       comma-separated source names (may be null: no sources)
     * @param property    looks up a configuration key, null when absent or empty
     * @param environment looks up an environment variable, null when absent
     */
    public static FhirSources fromConfiguration(String names, UnaryOperator<String> property,
                                                UnaryOperator<String> environment) {
        return new FhirSources(Arrays.stream(names == null ? new String[0] : names.split(","))
                .map(String::trim)
                .filter(n -> !n.isEmpty())
                .map(name -> read(name, property, environment))
                .collect(Collectors.toMap(FhirSource::name, Function.identity())));
    }

    private static FhirSource read(String name, UnaryOperator<String> property, UnaryOperator<String> environment) {
        String prefix = "oncogate.fhir.source." + name + ".";
        String tokenVariable = property.apply(prefix + "access-token-env");
        String token = tokenVariable == null ? null : environment.apply(tokenVariable);
        if (tokenVariable != null && (token == null || token.isEmpty())) {
            throw new IllegalStateException(prefix + "access-token-env names environment variable " + tokenVariable
                    + ", which is not set");
        }
        return new FhirSource(name, property.apply(prefix + "base-url"),
                SecretHash.read(prefix, "secret", property, environment), property.apply(prefix + "subscription"),
                Boolean.parseBoolean(property.apply(prefix + "write-back")), token);
    }

    /**
     * A client per source, after checking that each source's subscription exists.
     *
     * @throws IllegalStateException when a source names an unknown subscription
     */
    public Map<String, FhirSourceClient> clients(ProducerTemplate template, Subscriptions subscriptions) {
        byName.values().forEach(source -> subscriptions.find(source.subscription()).orElseThrow(() ->
                new IllegalStateException("oncogate.fhir.source." + source.name() + ".subscription names "
                        + source.subscription() + ", which is not in oncogate.subscriptions")));
        return byName.values().stream().collect(Collectors.toUnmodifiableMap(FhirSource::name,
                source -> new FhirSourceClient(source, template)));
    }

    /** Whether the result of a job from this channel goes back to its source (write-back on). */
    public boolean writesBack(JobOrigin origin) {
        return find(FhirReplyTo.decode(origin.replyTo()).source()).map(FhirSource::writeBack).orElse(false);
    }

    public Optional<FhirSource> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }
}
