package org.oncogate.store;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.function.Function;

/**
 * A KEK the operator supplies as a Tink JSON keyset, from an environment variable or a file kept
 * away from the data. Nothing here ever writes it anywhere but its own file (a rotation).
 */
final class SuppliedKek {

    private SuppliedKek() {
    }

    static KeysetKek fromEnvironment(String variable, Function<String, String> environment) {
        String source = "environment variable " + variable + " (oncogate.kek=env:" + variable + ")";
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(source + " is not set");
        }
        return KeysetKek.fromEnvironmentValue(value, source);
    }

    static KeysetKek fromFile(Path file, Path dataDir) {
        String source = "KEK file " + file.toAbsolutePath().normalize();
        if (dataDir != null && KekSpec.isUnder(file, dataDir)) {
            throw new IllegalStateException(source
                    + " lies under the data directory; keep the KEK apart from the data it protects");
        }
        return KeysetKek.fromFile(file, source);
    }

    /**
     * A new AES256-GCM keyset for an operator to keep in a secret store and hand over as
     * {@code env:NAME}: base64 of its Tink JSON. Printed once by {@code oncogate new-kek}, never stored.
     */
    static String generateForEnvironment() throws GeneralSecurityException {
        return KeysetKek.forEnvironment(AeadKeysets.generate());
    }
}
