package org.oncogate.store;

import java.io.IOException;

/** A write into a bucket that has already expired: the data would be unreadable at once. */
public class ExpiredBucketException extends IOException {

    public ExpiredBucketException(Bucket bucket) {
        super("bucket " + bucket.id() + " has expired; nothing more may be written into it");
    }
}
