package org.oncogate.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The bucket directories of each kind of a region. Listing them on every lookup cost more than the
 * lookup itself (with the 96 buckets of a day at the default width: about 1.4 ms per missed lookup, a
 * directory read and a stat per bucket), so a listing is kept and used again while the kind's directory
 * is unchanged: same modification time and same file key, one stat. A listing is kept only once the
 * directory's modification time is {@link #SETTLED_MILLIS} old, because a directory changed again
 * within the file system's timestamp resolution would keep its time; this store's own writes into a
 * bucket the listing lacks, and its deletions, drop the listing at once.
 */
final class BucketDirectories {

    static final long SETTLED_MILLIS = 2_000;

    private final Path regionRoot;
    private final Map<PayloadKind, Listing> listings = new ConcurrentHashMap<>();

    private record Listing(FileTime modified, Object fileKey, NavigableSet<Bucket> buckets) {
    }

    BucketDirectories(Path regionRoot) {
        this.regionRoot = regionRoot;
    }

    /** The buckets that have a directory under {@code kind}, oldest first; unmodifiable. */
    NavigableSet<Bucket> of(PayloadKind kind) {
        Path kindDir = regionRoot.resolve(kind.dirName());
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(kindDir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            listings.remove(kind);
            return Collections.emptyNavigableSet();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + kind.dirName() + " directory", e);
        }
        if (!attributes.isDirectory()) {
            return Collections.emptyNavigableSet();
        }
        Listing kept = listings.get(kind);
        if (kept != null && kept.modified().equals(attributes.lastModifiedTime())
                && Objects.equals(kept.fileKey(), attributes.fileKey())) {
            return kept.buckets();
        }
        NavigableSet<Bucket> buckets = Collections.unmodifiableNavigableSet(list(kindDir, kind));
        if (System.currentTimeMillis() - attributes.lastModifiedTime().toMillis() > SETTLED_MILLIS) {
            listings.put(kind, new Listing(attributes.lastModifiedTime(), attributes.fileKey(), buckets));
        } else {
            listings.remove(kind);
        }
        return buckets;
    }

    /** After a write into {@code bucket}: a kept listing without it is out of date. */
    void written(PayloadKind kind, Bucket bucket) {
        Listing kept = listings.get(kind);
        if (kept != null && !kept.buckets().contains(bucket)) {
            listings.remove(kind);
        }
    }

    /** After bucket directories of {@code kind} were deleted. */
    void forget(PayloadKind kind) {
        listings.remove(kind);
    }

    private static TreeSet<Bucket> list(Path kindDir, PayloadKind kind) {
        TreeSet<Bucket> buckets = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(kindDir)) {
            dirs.filter(d -> Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)).forEach(d -> {
                try {
                    buckets.add(Bucket.parse(d.getFileName().toString()));
                } catch (IllegalArgumentException e) {
                    // not a bucket directory; leave it alone
                }
            });
        } catch (NoSuchFileException e) {
            return buckets;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the " + kind.dirName() + " buckets", e);
        }
        return buckets;
    }
}
