package org.oncogate.store;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * KEK versions and the bucket keysets they wrap. {@link #rotate} adds a KEK version as the new primary
 * and re-wraps every live bucket keyset under it; payloads are untouched (their data keys do not
 * change). {@link #removeOld} drops the older versions, refused while a live keyset still needs one.
 * Expired buckets are left to the purge: their keysets are destroyed anyway, and a KEK version they
 * alone used may go. A KMS KEK has its versions in the KMS: rotate there, then {@link #rewrap}.
 */
public final class KeyRotation {

    /** What a rotation did; {@code keysetToStore} is set when the KEK lives in an environment variable. */
    public record Rotated(long newVersion, int rewrapped, Optional<String> keysetToStore) {

        @Override
        public String toString() {
            return "Rotated[newVersion=" + newVersion + ", rewrapped=" + rewrapped + "]";
        }
    }

    /** What removing old versions did; {@code keysetToStore} as for {@link Rotated}. */
    public record Removed(List<Long> removedVersions, Optional<String> keysetToStore) {

        @Override
        public String toString() {
            return "Removed[removedVersions=" + removedVersions + "]";
        }
    }

    private final KekSource kek;
    private final RegionalStore store;

    public KeyRotation(KekSource kek, RegionalStore store) {
        this.kek = kek;
        this.store = store;
    }

    /**
     * A file KEK (dev, file:) gets the new version in place, and the live keysets are re-wrapped at once;
     * a running gateway reads the changed file before it next wraps or unwraps a keyset. An environment
     * KEK cannot be written: the rotated keyset is returned, nothing is re-wrapped, and after the variable
     * holds it (and the gateway restarted with it) {@link #rewrap} finishes the rotation.
     */
    public Rotated rotate() throws IOException, GeneralSecurityException {
        KeysetKek keyset = keysetKek("rotate");
        KeysetHandle next = AeadKeysets.withNewPrimary(keyset.handle());
        long version = Integer.toUnsignedLong(next.getPrimary().getId());
        if (!keyset.writable()) {
            return new Rotated(version, 0, Optional.of(KeysetKek.forEnvironment(next)));
        }
        keyset.replace(next);
        return new Rotated(version, rewrap(), Optional.empty());
    }

    /**
     * Wraps every live bucket keyset under the KEK's current primary, until all of them unwrap with the
     * primary alone (a gateway may have created one under the old primary while this ran). Returns how many
     * were re-wrapped.
     */
    public int rewrap() throws IOException, GeneralSecurityException {
        if (!(kek instanceof KeysetKek)) {
            return rewrapAll(liveBuckets()); // a KMS does not say which version wrapped what: one pass over all
        }
        int rewrapped = 0;
        for (int round = 0; round < 3; round++) {
            List<Bucket> pending = notOnPrimary();
            if (pending.isEmpty()) {
                return rewrapped;
            }
            rewrapped += rewrapAll(pending);
        }
        if (!notOnPrimary().isEmpty()) {
            throw new IllegalStateException("bucket keysets keep appearing under an older KEK version; run keys rewrap again");
        }
        return rewrapped;
    }

    private int rewrapAll(List<Bucket> buckets) throws IOException, GeneralSecurityException {
        int rewrapped = 0;
        for (Bucket bucket : buckets) {
            if (store.keys().rewrap(bucket)) {
                rewrapped++;
            }
        }
        return rewrapped;
    }

    /** Keeps only the KEK's primary version, once every live bucket keyset unwraps with it alone. */
    public Removed removeOld() throws IOException, GeneralSecurityException {
        KeysetKek keyset = keysetKek("remove old versions of");
        List<Bucket> pending = notOnPrimary();
        if (!pending.isEmpty()) {
            throw new OldKekVersionInUseException(pending.size());
        }
        KeysetHandle handle = keyset.handle();
        List<Long> removed = new ArrayList<>();
        for (int i = 0; i < handle.size(); i++) {
            if (!handle.getAt(i).isPrimary()) {
                removed.add(Integer.toUnsignedLong(handle.getAt(i).getId()));
            }
        }
        KeysetHandle primaryOnly = AeadKeysets.primaryOnly(handle);
        if (!keyset.writable()) {
            return new Removed(removed, Optional.of(KeysetKek.forEnvironment(primaryOnly)));
        }
        keyset.replace(primaryOnly);
        return new Removed(removed, Optional.empty());
    }

    /** Live buckets whose keyset does not unwrap with the keyset KEK's primary alone. */
    private List<Bucket> notOnPrimary() throws IOException, GeneralSecurityException {
        Aead primary = AeadKeysets.aead(AeadKeysets.primaryOnly(keysetKek("check the versions of").handle()));
        List<Bucket> pending = new ArrayList<>();
        for (Bucket bucket : liveBuckets()) {
            if (!store.keys().unwrapsWith(bucket, primary)) {
                pending.add(bucket);
            }
        }
        return pending;
    }

    /** Buckets not expiring within one bucket width: the purge may destroy the others while this runs. */
    private List<Bucket> liveBuckets() {
        Instant soon = store.clock().instant().plus(store.policy().bucketWidth());
        return store.keys().buckets().stream().filter(b -> !store.policy().isExpired(b, soon)).toList();
    }

    private KeysetKek keysetKek(String what) {
        if (kek instanceof KeysetKek keyset) {
            return keyset;
        }
        throw new IllegalStateException("cannot " + what + " " + kek.describe()
                + ": its versions are managed where it lives (rotate it in the KMS, then run keys rewrap)");
    }
}
