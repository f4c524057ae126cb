package org.oncogate.inference.rules;

import java.util.List;

/** One row of a lexicon: an ICD-O-3 code, its description and the terms that name it. */
record LexiconEntry(String code, String description, List<String> terms) {

    LexiconEntry {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("lexicon code must not be blank");
        }
        terms = List.copyOf(terms);
    }
}
