package org.oncogate;

import java.time.Duration;
import org.apache.camel.spi.PropertiesComponent;
import org.oncogate.job.ClinicalType;
import org.oncogate.subscription.RequestRateLimit;

/** Reads configuration keys through Camel's properties (files, -D, environment). */
record Config(PropertiesComponent properties) {

    String find(String key) {
        return properties.resolveProperty(key).filter(v -> !v.isBlank()).orElse(null);
    }

    String get(String key) {
        String value = find(key);
        if (value == null) {
            throw new IllegalStateException("configuration key " + key + " is not set");
        }
        return value.trim();
    }

    int getInt(String key) {
        return Integer.parseInt(get(key));
    }

    Duration duration(String key) {
        return Duration.parse(get(key));
    }

    long getLong(String key) {
        return Long.parseLong(get(key));
    }

    /** A channel's requests per subscription, from {@code <prefix>.rate-limit} per {@code <prefix>.rate-limit-period}. */
    RequestRateLimit rateLimit(String prefix) {
        return new RequestRateLimit(prefix, getInt(prefix + ".rate-limit"), duration(prefix + ".rate-limit-period"),
                System::nanoTime);
    }

    ClinicalType clinicalType(String key) {
        return ClinicalType.find(get(key))
                .orElseThrow(() -> new IllegalArgumentException(key + " is not a clinical type of the API"));
    }
}
