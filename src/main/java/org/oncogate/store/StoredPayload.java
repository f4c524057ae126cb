package org.oncogate.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where one encrypted payload lives. Holds no patient data, only names. {@code path} is informational:
 * {@link RegionalStore#read} resolves the file again from kind, id, part and bucket.
 */
public record StoredPayload(PayloadKind kind, String id, String part, Bucket bucket, Path path) {

    public StoredPayload {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(path, "path");
    }
}
