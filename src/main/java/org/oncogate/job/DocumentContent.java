package org.oncogate.job;

/** The text of a document; only {@code inline} content is processed. */
public record DocumentContent(String sourceType, String value) {

    public static final String INLINE = "inline";

    public static DocumentContent inline(String text) {
        return new DocumentContent(INLINE, text);
    }

    @Override
    public String toString() {
        return "DocumentContent[sourceType=" + sourceType + ", length="
                + (value == null ? 0 : value.length()) + "]";
    }
}
