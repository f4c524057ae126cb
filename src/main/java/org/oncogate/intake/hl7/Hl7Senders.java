package org.oncogate.intake.hl7;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which subscription an HL7 sender (MSH-3^MSH-4) sends for, from {@code oncogate.hl7.senders}:
 * {@code LIS^GENHOSP=default,RIS^GENHOSP=default}. A sender not listed is refused.
 */
public final class Hl7Senders {

    private final Map<String, String> subscriptionBySender;

    private Hl7Senders(Map<String, String> subscriptionBySender) {
        this.subscriptionBySender = Map.copyOf(subscriptionBySender);
    }

    public static Hl7Senders parse(String configured) {
        return new Hl7Senders(Arrays.stream(configured.split(","))
                .map(String::trim)
                .filter(pair -> !pair.isEmpty())
                .map(pair -> {
                    int equals = pair.lastIndexOf('=');
                    if (equals <= 0 || equals == pair.length() - 1) {
                        throw new IllegalArgumentException(
                                "oncogate.hl7.senders takes APPLICATION^FACILITY=subscription pairs");
                    }
                    return Map.entry(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
                })
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    public Optional<String> subscriptionOf(String sender) {
        return Optional.ofNullable(subscriptionBySender.get(sender));
    }
}
