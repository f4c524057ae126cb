package org.oncogate.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * The file names a sealed bucket holds, so that looking in it for a payload it lacks costs no file
 * system call. A job id never seen before (every new HL7 message: its id derives from the sender's
 * MSH-10) is looked for in every bucket of the retention window, 96 at the default width, and a stat
 * of a missing file costs a few microseconds here, about half a millisecond per message in all.
 *
 * <p>A bucket is sealed {@link #SEAL_AFTER} after its end: new payloads go into the current bucket, so
 * a sealed one changes only when a part is written into an earlier job's bucket or the purge deletes it.
 * Its names are read once, with one directory listing, and kept as sorted hashes (4 bytes a file); a
 * matching hash is confirmed with a stat, so a collision costs a stat and never a wrong answer. This
 * store's own writes into a bucket, and its deletions, drop the bucket's names (a version count keeps a
 * listing that raced with a write from being kept); a payload placed in a sealed bucket by anything
 * else is not seen until the gateway restarts, so a store is written by one gateway process.
 */
final class SealedBuckets {

    static final Duration SEAL_AFTER = Duration.ofMinutes(10);

    private record Key(PayloadKind kind, Bucket bucket) {
    }

    private final Duration bucketWidth;
    private final BiFunction<PayloadKind, Bucket, Path> bucketDir;
    private final Map<Key, int[]> names = new ConcurrentHashMap<>();
    private final Map<Key, AtomicLong> versions = new ConcurrentHashMap<>();

    SealedBuckets(RetentionPolicy policy, BiFunction<PayloadKind, Bucket, Path> bucketDir) {
        this.bucketWidth = policy.bucketWidth();
        this.bucketDir = bucketDir;
    }

    /**
     * False only when {@code bucket} is sealed at {@code now} and certainly holds no file whose name has
     * the hash {@code fileNameHash} ({@link String#hashCode()}).
     */
    boolean mayHold(PayloadKind kind, Bucket bucket, int fileNameHash, Instant now) {
        if (now.isBefore(bucket.start().plus(bucketWidth).plus(SEAL_AFTER))) {
            return true;
        }
        Key key = new Key(kind, bucket);
        int[] hashes = names.get(key);
        if (hashes == null) {
            hashes = read(key, bucketDir.apply(kind, bucket));
        }
        return hashes == null || Arrays.binarySearch(hashes, fileNameHash) >= 0;
    }

    /** After this store wrote a file into {@code bucket}, once the file is in place. */
    void written(PayloadKind kind, Bucket bucket) {
        Key key = new Key(kind, bucket);
        version(key).incrementAndGet();
        names.remove(key);
    }

    /** After the purge deleted {@code bucket}'s directory of {@code kind}. */
    void deleted(PayloadKind kind, Bucket bucket) {
        written(kind, bucket);
    }

    /** The sorted name hashes of a bucket directory, kept unless a write raced with the listing; null if unreadable. */
    private int[] read(Key key, Path bucketDir) {
        long version = version(key).get();
        int[] hashes;
        try (Stream<Path> files = Files.list(bucketDir)) {
            hashes = files.mapToInt(f -> f.getFileName().toString().hashCode()).sorted().toArray();
        } catch (NoSuchFileException e) {
            hashes = new int[0];
        } catch (IOException | RuntimeException e) {
            return null; // look with a stat instead
        }
        names.put(key, hashes);
        if (version(key).get() != version) {
            names.remove(key, hashes); // a file went in while listing: the listing may lack it
        }
        return hashes;
    }

    private AtomicLong version(Key key) {
        return versions.computeIfAbsent(key, k -> new AtomicLong());
    }
}
