package org.oncogate.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/** Reads {@code oncogate.kek} and opens the KEK it names. */
final class KekSpec {

    static final String FORMS = "accepted forms of oncogate.kek: dev, env:NAME, file:/path, kms:KEY_URI";

    private KekSpec() {
    }

    static KekSource open(String spec, Path devKekDir, Path dataDir, String kmsClient,
                          Function<String, String> environment) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("oncogate.kek is not set; " + FORMS
                    + " (dev only for development: -Doncogate.kek=dev)");
        }
        String s = spec.strip();
        if (s.equals("dev")) {
            return DevelopmentKek.open(devKekDir, dataDir);
        }
        if (s.startsWith("env:") && s.length() > "env:".length()) {
            return SuppliedKek.fromEnvironment(s.substring("env:".length()), environment);
        }
        if (s.startsWith("file:") && s.length() > "file:".length()) {
            return SuppliedKek.fromFile(Path.of(s.substring("file:".length())), dataDir);
        }
        if (s.startsWith("kms:") && s.length() > "kms:".length()) {
            return KmsKek.open(s.substring("kms:".length()), kmsClient);
        }
        throw new IllegalArgumentException("oncogate.kek has an unknown form; " + FORMS);
    }

    /** True if {@code path} is {@code dataDir} or lies under it, following symbolic links where they exist. */
    static boolean isUnder(Path path, Path dataDir) {
        return resolved(path).startsWith(resolved(dataDir));
    }

    private static Path resolved(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        // resolve links of the longest existing ancestor, so a link into the data dir is caught too
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }
}
