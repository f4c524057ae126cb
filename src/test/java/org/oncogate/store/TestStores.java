package org.oncogate.store;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;

/** Builds real stores on a temp directory for tests, with an in-memory KEK. */
public final class TestStores {

    public static final RetentionPolicy DEFAULT_POLICY = new RetentionPolicy(Duration.ofHours(24), Duration.ofMinutes(15));

    private TestStores() {
    }

    /** A fresh random KEK that lives only in memory. */
    public static KekSource randomKek() {
        var kek = randomKekAead();
        return () -> kek;
    }

    static com.google.crypto.tink.Aead randomKekAead() {
        try {
            return AeadKeysets.aead(AeadKeysets.generate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RegionalStore store(Path storeRoot, String region, KekSource kek, Clock clock) {
        return store(new BucketKeys(storeRoot.resolve(region), kek), storeRoot, region, clock);
    }

    public static RegionalStore store(BucketKeys keys, Path storeRoot, String region, Clock clock) {
        return new RegionalStore(storeRoot, region, keys, DEFAULT_POLICY, clock);
    }
}
