package org.oncogate.text;

/** The bytes of a document are not valid UTF-8. The message names the byte offset, never content. */
public class UndecodableTextException extends Exception {

    private static final long serialVersionUID = 1L;

    private final long byteOffset;

    public UndecodableTextException(long byteOffset) {
        super("invalid UTF-8 at byte " + byteOffset);
        this.byteOffset = byteOffset;
    }

    /** Offset of the first byte that could not be decoded. */
    public long byteOffset() {
        return byteOffset;
    }
}
