package org.oncogate.store;

import com.google.crypto.tink.Aead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
 * The encrypted payload store of one region: a journal per kind and time bucket, append-only segments
 * in {@code <storeRoot>/<region>/<kind>/<bucketId>/} (see {@link BucketJournal}). Each payload is Tink
 * AEAD ciphertext under its bucket's key, with associated data binding region, kind, bucket, id and
 * part, so a flipped byte or a record moved anywhere else fails to decrypt. A write is durable when it
 * returns; writes into one journal at the same time share an fsync. Expired buckets are unreadable
 * from their expiry on, whether or not the purge has run yet.
 */
public final class RegionalStore {

    private final String region;
    private final Path regionRoot;
    private final BucketKeys keys;
    private final RetentionPolicy policy;
    private final Clock clock;
    /** Segments are closed for appends past this size; a bucket of 15 minutes holds a few at 1,000 jobs/s. */
    static final long MAX_SEGMENT_BYTES = 64L * 1024 * 1024;

    private final Journals journals;

    public RegionalStore(Path storeRoot, String region, BucketKeys keys, RetentionPolicy policy, Clock clock) {
        this(storeRoot, region, keys, policy, clock, MAX_SEGMENT_BYTES);
    }

    RegionalStore(Path storeRoot, String region, BucketKeys keys, RetentionPolicy policy, Clock clock,
                  long maxSegmentBytes) {
        this.region = StoreNames.region(region);
        Path root = storeRoot.toAbsolutePath().normalize();
        this.regionRoot = StoreNames.under(root, region);
        this.keys = Objects.requireNonNull(keys, "keys");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.journals = new Journals(regionRoot, maxSegmentBytes);
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
        checkName(kind, id, part, bucket);
        if (policy.isExpired(bucket, clock.instant())) {
            throw new ExpiredBucketException(bucket);
        }
        byte[] ciphertext;
        try {
            ciphertext = keys.aeadFor(bucket).encrypt(plaintext, associatedData(kind, id, part, bucket));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encrypt " + kind.dirName() + " payload " + id, e);
        }
        var location = journals.forWriting(kind, bucket).write(id, part, ciphertext);
        return new StoredPayload(kind, id, part, bucket, location.segment().path());
    }

    /** The plaintext, or why it cannot be had: expired, missing, key gone, or tampered with. */
    public byte[] read(StoredPayload ref) throws PayloadUnavailableException {
        checkName(ref.kind(), ref.id(), ref.part(), ref.bucket());
        if (policy.isExpired(ref.bucket(), clock.instant())) {
            throw unavailable(ref, Reason.EXPIRED, null);
        }
        BucketJournal journal = journals.of(ref.kind()).get(ref.bucket());
        var location = journal == null ? null : journal.find(ref.id(), ref.part()).orElse(null);
        if (location == null) {
            throw unavailable(ref, Reason.MISSING, null);
        }
        byte[] ciphertext;
        try {
            ciphertext = journal.read(location);
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
        checkName(kind, id, part);
        var now = clock.instant();
        for (var bucket : journals.of(kind).descendingMap().entrySet()) {
            if (policy.isExpired(bucket.getKey(), now)) {
                break; // the older ones have expired too
            }
            Optional<StoredPayload> found = held(kind, id, part, bucket.getKey(), bucket.getValue());
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
        checkName(kind, id, part, bucket);
        return policy.isExpired(bucket, clock.instant()) ? Optional.empty()
                : held(kind, id, part, bucket, journals.of(kind).get(bucket));
    }

    private static Optional<StoredPayload> held(PayloadKind kind, String id, String part, Bucket bucket,
                                                BucketJournal journal) {
        return journal == null ? Optional.empty() : journal.find(id, part)
                .map(at -> new StoredPayload(kind, id, part, bucket, at.segment().path()));
    }

    /** Whether a payload of this name is still on disk in a bucket that has expired (unreadable, not yet purged). */
    public boolean heldInExpiredBucket(PayloadKind kind, String id, String part) {
        checkName(kind, id, part);
        var now = clock.instant();
        return journals.of(kind).entrySet().stream().filter(b -> policy.isExpired(b.getKey(), now))
                .anyMatch(b -> b.getValue().find(id, part).isPresent());
    }

    /** Every payload of a kind in an unexpired bucket, oldest bucket first, then by id and part. */
    public List<StoredPayload> list(PayloadKind kind) {
        List<StoredPayload> payloads = new ArrayList<>();
        var now = clock.instant();
        for (var bucket : journals.of(kind).entrySet()) {
            if (policy.isExpired(bucket.getKey(), now)) {
                continue;
            }
            bucket.getValue().names().stream()
                    .sorted(Comparator.comparing(BucketJournal.Name::id).thenComparing(BucketJournal.Name::part))
                    .forEach(name -> held(kind, name.id(), name.part(), bucket.getKey(), bucket.getValue())
                            .ifPresent(payloads::add));
        }
        return payloads;
    }

    /** Every bucket that has a directory under any kind, expired or not, oldest first. */
    public List<Bucket> bucketsOnDisk() {
        TreeSet<Bucket> buckets = new TreeSet<>();
        for (PayloadKind kind : PayloadKind.values()) {
            buckets.addAll(journals.of(kind).keySet());
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
            journals.remove(kind, bucket);
            Path dir = journals.dir(kind, bucket);
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
        }
        return deleted;
    }

    /** Refuses a kind, id or part the store could not name, before anything is looked up. */
    private static void checkName(PayloadKind kind, String id, String part) {
        Objects.requireNonNull(kind, "kind");
        StoreNames.id(id);
        StoreNames.part(part);
    }

    private static void checkName(PayloadKind kind, String id, String part, Bucket bucket) {
        checkName(kind, id, part);
        Objects.requireNonNull(bucket, "bucket");
    }

    private byte[] associatedData(PayloadKind kind, String id, String part, Bucket bucket) {
        return String.join("|", "oncogate/v1", region, kind.dirName(), bucket.id(), id, part)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static PayloadUnavailableException unavailable(StoredPayload ref, Reason reason, Throwable cause) {
        return new PayloadUnavailableException(ref.kind(), ref.id(), reason, cause);
    }
}
