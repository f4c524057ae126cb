package org.oncogate.job;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The text of a document; only {@code inline} content is processed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
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
