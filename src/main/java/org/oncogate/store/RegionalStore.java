package org.oncogate.store;

import com.google.crypto.tink.Aead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.oncogate.store.PayloadUnavailableException.Reason;

/**
 * The encrypted payload store of one region: {@code <storeRoot>/<region>/<kind>/<bucketId>/<id>.<part>.tink}.
 * Each file is Tink AEAD ciphertext under its bucket's key, with associated data binding region,
 * kind, bucket, id and part, so a flipped byte or a file moved anywhere else fails to decrypt.
 * Expired buckets are unreadable from their expiry on, whether or not the purge has run yet.
 */
public final class RegionalStore {

    private final String region;
    private final Path regionRoot;
    private final BucketKeys keys;
    private final RetentionPolicy policy;
    private final Clock clock;
    private final BucketDirectories directories;
    private final SealedBuckets sealed;

    public RegionalStore(Path storeRoot, String region, BucketKeys keys, RetentionPolicy policy, Clock clock) {
        this.region = StoreNames.region(region);
        Path root = storeRoot.toAbsolutePath().normalize();
        this.regionRoot = StoreNames.under(root, region);
        this.keys = Objects.requireNonNull(keys, "keys");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.directories = new BucketDirectories(regionRoot);
        this.sealed = new SealedBuckets(policy, this::bucketDir);
        if (!keys.regionRoot().equals(regionRoot)) {
            throw new IllegalArgumentException("the bucket keys of region root " + keys.regionRoot()
                    + " do not belong to region root " + regionRoot);
        }
    }

    public String region() {
        return region;
    }

    public RetentionPolicy policy() {
        return policy;
    }

    public Clock clock() {
        return clock;
    }

    public Path regionRoot() {
        return regionRoot;
    }

    /** The bucket keys this store encrypts with; the purge must destroy keys through this same instance. */
    public BucketKeys keys() {
        return keys;
    }

    /**
     * Unwraps the keyset of every unexpired bucket now, so that a wrong KEK or an unreadable keyset stops
     * start-up with a message that names it, instead of failing requests later.
     */
    public void checkKeysets() {
        var now = clock.instant();
        keys.buckets().stream().filter(b -> !policy.isExpired(b, now)).forEach(keys::load);
    }

    /** Writes into the current bucket (by the clock). Durable when it returns. */
    public StoredPayload write(PayloadKind kind, String id, String part, byte[] plaintext) throws IOException {
        return write(kind, id, part, plaintext, policy.bucketFor(clock.instant()));
    }

    /** Writes into {@code bucket}, so that all parts of one job share its bucket. Refuses an expired bucket. */
    public StoredPayload write(PayloadKind kind, String id, String part, byte[] plaintext, Bucket bucket)
            throws IOException {
        Objects.requireNonNull(plaintext, "plaintext");
        Path file = payloadFile(kind, id, part, bucket);
        if (policy.isExpired(bucket, clock.instant())) {
            throw new ExpiredBucketException(bucket);
        }
        byte[] ciphertext;
        try {
            ciphertext = keys.aeadFor(bucket).encrypt(plaintext, associatedData(kind, id, part, bucket));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encrypt " + kind.dirName() + " payload " + id, e);
        }
        DurableFiles.createDirectories(regionRoot);
        StoreNames.requireInside(regionRoot, file);
        DurableFiles.createDirectories(file.getParent());
        directories.written(kind, bucket);
        DurableFiles.write(file, ciphertext);
        sealed.written(kind, bucket);
        return new StoredPayload(kind, id, part, bucket, file);
    }

    /** The plaintext, or why it cannot be had: expired, missing, key gone, or tampered with. */
    public byte[] read(StoredPayload ref) throws PayloadUnavailableException {
        Path file = payloadFile(ref.kind(), ref.id(), ref.part(), ref.bucket());
        if (policy.isExpired(ref.bucket(), clock.instant())) {
            throw unavailable(ref, Reason.EXPIRED, null);
        }
        StoreNames.requireInside(regionRoot, file);
        byte[] ciphertext;
        try {
            ciphertext = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw unavailable(ref, Reason.MISSING, null);
        } catch (IOException e) {
            throw unavailable(ref, Reason.MISSING, e);
        }
        Aead aead;
        try {
            aead = keys.existing(ref.bucket())
                    .orElseThrow(() -> unavailable(ref, Reason.KEY_MISSING, null));
        } catch (IOException e) {
            throw unavailable(ref, Reason.KEY_MISSING, e);
        } catch (GeneralSecurityException e) {
            throw unavailable(ref, Reason.UNDECRYPTABLE, e); // the keyset itself was tampered with or swapped
        }
        try {
            return aead.decrypt(ciphertext, associatedData(ref.kind(), ref.id(), ref.part(), ref.bucket()));
        } catch (GeneralSecurityException e) {
            throw unavailable(ref, Reason.UNDECRYPTABLE, e);
        }
    }

    /** The payload in the newest unexpired bucket that holds it. */
    public Optional<StoredPayload> find(PayloadKind kind, String id, String part) {
        int nameHash = StoreNames.payloadFileName(id, part).hashCode();
        var now = clock.instant();
        for (Bucket bucket : directories.of(kind).descendingSet()) {
            if (policy.isExpired(bucket, now)) {
                break; // the older ones have expired too
            }
            if (!sealed.mayHold(kind, bucket, nameHash, now)) {
                continue;
            }
            Optional<StoredPayload> found = onDisk(kind, id, part, bucket);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * The payload in {@code bucket}, if that bucket is unexpired and holds it: one lookup, for a part
     * written into the bucket of another (a job's state lives in the bucket of its request).
     */
    public Optional<StoredPayload> find(PayloadKind kind, String id, String part, Bucket bucket) {
        StoreNames.payloadFileName(id, part);
        return policy.isExpired(bucket, clock.instant()) ? Optional.empty() : onDisk(kind, id, part, bucket);
    }

    /** The payload's file in {@code bucket}, if it is there. */
    private Optional<StoredPayload> onDisk(PayloadKind kind, String id, String part, Bucket bucket) {
        Path file = payloadFile(kind, id, part, bucket);
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                ? Optional.of(new StoredPayload(kind, id, part, bucket, file)) : Optional.empty();
    }

    /** Whether a payload of this name is still on disk in a bucket that has expired (unreadable, not yet purged). */
    public boolean heldInExpiredBucket(PayloadKind kind, String id, String part) {
        StoreNames.payloadFileName(id, part);
        var now = clock.instant();
        return directories.of(kind).stream().filter(b -> policy.isExpired(b, now))
                .anyMatch(b -> Files.isRegularFile(payloadFile(kind, id, part, b), LinkOption.NOFOLLOW_LINKS));
    }

    /** Every payload of a kind in an unexpired bucket, oldest bucket first. */
    public List<StoredPayload> list(PayloadKind kind) {
        List<StoredPayload> payloads = new ArrayList<>();
        for (Bucket bucket : unexpiredBuckets(kind)) {
            for (Path file : files(bucketDir(kind, bucket))) {
                StoreNames.idAndPart(file.getFileName().toString()).ifPresent(idPart ->
                        payloads.add(new StoredPayload(kind, idPart[0], idPart[1], bucket, file)));
            }
        }
        payloads.sort(Comparator.comparing(StoredPayload::bucket).thenComparing(p -> p.path().getFileName()));
        return payloads;
    }

    /** Every bucket that has a directory under any kind, expired or not, oldest first. */
    public List<Bucket> bucketsOnDisk() {
        TreeSet<Bucket> buckets = new TreeSet<>();
        for (PayloadKind kind : PayloadKind.values()) {
            buckets.addAll(directories.of(kind));
        }
        return List.copyOf(buckets);
    }

    /**
     * Deletes every file of an expired bucket in every kind, then its empty directories.
     * Its key must be destroyed first (see {@link BucketKeys#destroy}). Returns the number of files deleted.
     */
    public int deleteExpiredBucket(Bucket bucket) throws IOException {
        if (!policy.isExpired(bucket, clock.instant())) {
            throw new IllegalStateException("bucket " + bucket.id() + " has not expired");
        }
        int deleted = 0;
        for (PayloadKind kind : PayloadKind.values()) {
            Path dir = bucketDir(kind, bucket);
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            List<Path> entries; // deepest first; links are deleted, never followed
            try (Stream<Path> walk = Files.walk(dir)) {
                entries = walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            for (Path entry : entries) {
                boolean regular = Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS);
                if (Files.deleteIfExists(entry) && regular) {
                    deleted++;
                }
            }
            DurableFiles.fsyncDirectory(dir.getParent());
            directories.forget(kind);
            sealed.deleted(kind, bucket);
        }
        return deleted;
    }

    private TreeSet<Bucket> unexpiredBuckets(PayloadKind kind) {
        var now = clock.instant();
        return directories.of(kind).stream()
                .filter(b -> !policy.isExpired(b, now))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Regular files of a bucket directory, temp files included, links and subdirectories not. */
    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).collect(Collectors.toList());
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list a bucket directory", e);
        }
    }

    private Path bucketDir(PayloadKind kind, Bucket bucket) {
        return StoreNames.under(regionRoot, kind.dirName(), bucket.id());
    }

    private Path payloadFile(PayloadKind kind, String id, String part, Bucket bucket) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(bucket, "bucket");
        return StoreNames.under(regionRoot, kind.dirName(), bucket.id(), StoreNames.payloadFileName(id, part));
    }

    private byte[] associatedData(PayloadKind kind, String id, String part, Bucket bucket) {
        return String.join("|", "oncogate/v1", region, kind.dirName(), bucket.id(), id, part)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static PayloadUnavailableException unavailable(StoredPayload ref, Reason reason, Throwable cause) {
        return new PayloadUnavailableException(ref.kind(), ref.id(), reason, cause);
    }
}
