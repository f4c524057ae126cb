package org.oncogate.subscription;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The configured subscriptions, read from {@code oncogate.subscriptions} (names) and
 * {@code oncogate.subscription.<name>.region|key-sha256|key-env}.
 */
public final class Subscriptions {

    private final Map<String, Subscription> byName;

    public Subscriptions(List<Subscription> subscriptions) {
        this.byName = subscriptions.stream().collect(Collectors.toUnmodifiableMap(Subscription::name, Function.identity()));
    }

    /**
     * Reads subscriptions from configuration.
     *
     * @param names       comma-separated subscription names
     * @param property    looks up a configuration key, null when absent or empty
     * @param environment looks up an environment variable, null when absent
     */
    public static Subscriptions fromConfiguration(String names, UnaryOperator<String> property,
                                                  UnaryOperator<String> environment) {
        List<Subscription> list = Arrays.stream(names.split(","))
                .map(String::trim)
                .filter(n -> !n.isEmpty())
                .map(name -> read(name, property, environment))
                .toList();
        return new Subscriptions(list);
    }

    private static Subscription read(String name, UnaryOperator<String> property, UnaryOperator<String> environment) {
        String prefix = "oncogate.subscription." + name + ".";
        return new Subscription(name, property.apply(prefix + "region"),
                SecretHash.read(prefix, "key", property, environment));
    }

    public Optional<Subscription> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The subscription whose key this is, if any. */
    public Optional<Subscription> authenticate(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        byte[] hash = SecretHash.sha256(key);
        return byName.values().stream().filter(s -> s.hasKeyHash(hash)).findFirst();
    }
}
