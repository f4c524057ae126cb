package org.oncogate.text;

/** A range of the submitted text, in UTF-16 code units. */
public record Span(int offset, int length) {

    public Span {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("span offset and length must not be negative");
        }
    }

    /** The index just past the span. */
    public int end() {
        return offset + length;
    }
}
