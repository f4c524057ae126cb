package org.oncogate.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The bucket journals of a region, per kind, each kind's read from disk on its first use. A store is
 * written by one gateway process: what another process appends after this one read a bucket is not
 * seen here until a restart.
 */
final class Journals {

    private final Path regionRoot;
    private final long maxSegmentBytes;
    private final Map<PayloadKind, NavigableMap<Bucket, BucketJournal>> kinds = new ConcurrentHashMap<>();

    Journals(Path regionRoot, long maxSegmentBytes) {
        this.regionRoot = regionRoot;
        this.maxSegmentBytes = maxSegmentBytes;
    }

    /** The buckets of {@code kind} with a journal, oldest first. */
    NavigableMap<Bucket, BucketJournal> of(PayloadKind kind) {
        return kinds.computeIfAbsent(kind, this::load);
    }

    /** The journal to write {@code bucket}'s payloads of {@code kind} into. */
    BucketJournal forWriting(PayloadKind kind, Bucket bucket) {
        return of(kind).computeIfAbsent(bucket, b -> BucketJournal.empty(regionRoot, dir(kind, b), maxSegmentBytes));
    }

    /** Forgets a bucket (its files are about to be deleted) and closes its segments. */
    void remove(PayloadKind kind, Bucket bucket) throws IOException {
        BucketJournal journal = of(kind).remove(bucket);
        if (journal != null) {
            journal.close();
        }
    }

    Path dir(PayloadKind kind, Bucket bucket) {
        return StoreNames.under(regionRoot, kind.dirName(), bucket.id());
    }

    private NavigableMap<Bucket, BucketJournal> load(PayloadKind kind) {
        NavigableMap<Bucket, BucketJournal> buckets = new ConcurrentSkipListMap<>();
        Path kindDir = regionRoot.resolve(kind.dirName());
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(kindDir)) {
            for (Path dir : dirs) {
                if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Bucket bucket;
                try {
                    bucket = Bucket.parse(dir.getFileName().toString());
                } catch (IllegalArgumentException e) {
                    continue; // not a bucket directory; leave it alone
                }
                buckets.put(bucket, BucketJournal.load(regionRoot, dir, maxSegmentBytes));
            }
        } catch (NoSuchFileException e) {
            return buckets;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + kind.dirName() + " journals", e);
        }
        return buckets;
    }
}
