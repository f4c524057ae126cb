package org.oncogate.store;

import com.google.crypto.tink.Aead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * One AES256-GCM data keyset per bucket, stored encrypted under the KEK at
 * {@code <regionRoot>/keys/<bucketId>.keyset.json}. The keyset's associated data binds it to its
 * region and bucket, so a keyset file copied over another bucket's does not load. Destroying a
 * bucket's keyset makes every payload of that bucket unreadable at once (crypto-shredding).
 */
public final class BucketKeys {

    private static final String SUFFIX = ".keyset.json";

    private final Path regionRoot;
    private final Path keysDir;
    private final String region;
    private final KekSource kek;
    private final KeyEvents events;
    private final Map<Bucket, Aead> cache = new ConcurrentHashMap<>();
    private final Set<Bucket> destroyed = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();

    public BucketKeys(Path regionRoot, KekSource kek) {
        this(regionRoot, kek, KeyEvents.NONE);
    }

    public BucketKeys(Path regionRoot, KekSource kek, KeyEvents events) {
        this.regionRoot = regionRoot.toAbsolutePath().normalize();
        Path name = this.regionRoot.getFileName();
        this.region = StoreNames.region(name == null ? null : name.toString());
        this.keysDir = this.regionRoot.resolve("keys");
        this.kek = Objects.requireNonNull(kek, "kek");
        this.events = Objects.requireNonNull(events, "events");
    }

    Path regionRoot() {
        return regionRoot;
    }

    /** The bucket's AEAD, creating its keyset on first use. Refuses a bucket whose key was destroyed. */
    Aead aeadFor(Bucket b) throws IOException, GeneralSecurityException {
        Aead cached = cache.get(b);
        if (cached != null) {
            return cached;
        }
        synchronized (lock) { // one keyset per bucket: two writers must never both generate one
            Optional<Aead> existing = existing(b);
            if (existing.isPresent()) {
                return existing.get();
            }
            if (destroyed.contains(b)) {
                throw new GeneralSecurityException("the key of bucket " + b.id() + " was destroyed");
            }
            Aead aead = create(b);
            cache.put(b, aead);
            return aead;
        }
    }

    /** The bucket's AEAD if its keyset exists; a keyset that fails to decrypt is an exception, not empty. */
    Optional<Aead> existing(Bucket b) throws IOException, GeneralSecurityException {
        Aead cached = cache.get(b);
        if (cached != null) {
            return Optional.of(cached);
        }
        synchronized (lock) {
            cached = cache.get(b);
            if (cached != null) {
                return Optional.of(cached);
            }
            Path file = keysetFile(b);
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            Aead aead = AeadKeysets.decrypt(Files.readString(file, StandardCharsets.UTF_8), kek.kek(), associatedData(b));
            cache.put(b, aead);
            return Optional.of(aead);
        }
    }

    /** Crypto-shredding: forget the key, delete its keyset file and make the deletion durable. */
    public void destroy(Bucket b) {
        synchronized (lock) {
            destroyed.add(b);
            cache.remove(b);
            try {
                if (Files.deleteIfExists(keysetFile(b))) {
                    DurableFiles.fsyncDirectory(keysDir);
                    events.destroyed(b);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the keyset of bucket " + b.id(), e);
            }
        }
    }

    /**
     * Wraps the bucket's keyset again under the KEK's current primary. The data key inside is the same,
     * so no payload changes. A bucket whose keyset is gone (destroyed) is left alone. Returns whether it
     * was re-wrapped.
     */
    boolean rewrap(Bucket b) throws IOException, GeneralSecurityException {
        synchronized (lock) {
            Path file = keysetFile(b);
            if (destroyed.contains(b) || !Files.exists(file)) {
                return false;
            }
            Aead kekNow = kek.kek();
            var handle = AeadKeysets.parse(Files.readString(file, StandardCharsets.UTF_8), kekNow, associatedData(b));
            DurableFiles.write(file, AeadKeysets.encrypt(handle, kekNow, associatedData(b)).getBytes(StandardCharsets.UTF_8));
            return true;
        }
    }

    /** Whether the bucket's keyset can be unwrapped by {@code onlyKek} (say, the KEK's primary version alone). */
    boolean unwrapsWith(Bucket b, Aead onlyKek) throws IOException {
        Path file = keysetFile(b);
        try {
            AeadKeysets.parse(Files.readString(file, StandardCharsets.UTF_8), onlyKek, associatedData(b));
            return true;
        } catch (NoSuchFileException e) {
            return true; // destroyed meanwhile: it needs no KEK any more
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Loads the bucket's keyset now, so that a keyset or KEK that cannot be read stops start-up, not a request. */
    void load(Bucket b) {
        try {
            existing(b);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("the keyset of bucket " + b.id() + " (" + keysetFile(b) + ") cannot be"
                    + " read with " + kek.describe() + ": " + e.getClass().getSimpleName()
                    + "; start-up stopped. A wrong or rotated-away KEK, or an altered keyset file.");
        }
    }

    /** Every bucket that has a keyset file, oldest first. */
    public List<Bucket> buckets() {
        if (!Files.isDirectory(keysDir)) {
            return List.of();
        }
        List<Bucket> buckets = new ArrayList<>();
        try (Stream<Path> files = Files.list(keysDir)) {
            files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(SUFFIX))
                    .forEach(name -> parseBucket(name.substring(0, name.length() - SUFFIX.length()), buckets));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the bucket keysets", e);
        }
        buckets.sort(null);
        return buckets;
    }

    private Aead create(Bucket b) throws IOException, GeneralSecurityException {
        var handle = AeadKeysets.generate();
        String json = AeadKeysets.encrypt(handle, kek.kek(), associatedData(b));
        StoreNames.requireInside(regionRoot, keysDir);
        DurableFiles.createDirectories(keysDir);
        DurableFiles.write(keysetFile(b), json.getBytes(StandardCharsets.UTF_8));
        events.created(b);
        return AeadKeysets.aead(handle);
    }

    private Path keysetFile(Bucket b) {
        return StoreNames.under(regionRoot, "keys", b.id() + SUFFIX);
    }

    private byte[] associatedData(Bucket b) {
        return ("oncogate/v1/bucket-keyset|" + region + "|" + b.id()).getBytes(StandardCharsets.UTF_8);
    }

    private static void parseBucket(String id, List<Bucket> into) {
        try {
            into.add(Bucket.parse(id));
        } catch (IllegalArgumentException e) {
            // not ours; leave it alone
        }
    }
}
