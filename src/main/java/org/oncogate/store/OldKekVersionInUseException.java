package org.oncogate.store;

/** Old KEK versions cannot be removed: live bucket keysets are still wrapped under them. */
public class OldKekVersionInUseException extends IllegalStateException {

    private final int buckets;

    public OldKekVersionInUseException(int buckets) {
        super(buckets + " live bucket keyset(s) are still wrapped under an older KEK version; run keys rewrap first");
        this.buckets = buckets;
    }

    public int buckets() {
        return buckets;
    }
}
