package org.oncogate.job;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where in a document an inference was found: offset and length in UTF-16 code units into the
 * document text exactly as the client submitted it, and that text.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClinicalNoteEvidence(String id, String text, int offset, int length) {

    public ClinicalNoteEvidence {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("evidence offset and length must not be negative");
        }
    }

    @Override
    public String toString() {
        return "ClinicalNoteEvidence[id=" + id + ", offset=" + offset + ", length=" + length + "]";
    }
}
