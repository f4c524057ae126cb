package org.oncogate.inference.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The words after a mention are matched only where a declared first character follows the skipped ones. */
class WordsAfterTest {

    private static final WordsAfter NOT_SEEN = new WordsAfter(":-", "na", "\\s*[:\\-]?\\s*(?:not seen|absent)\\b");

    @Test
    void findsWhatTheAnchoredPatternFindsInTheWindow() {
        String text = "carcinoma: Not seen. tumor - absent; margin: none";
        assertThat(NOT_SEEN.matches(text, 9, text.length())).isTrue();
        assertThat(NOT_SEEN.matches(text, 26, text.length())).isTrue();
        assertThat(NOT_SEEN.matches(text, 42, text.length())).isFalse(); // "none" is not among the words
        assertThat(NOT_SEEN.matches(text, 9, 17)).isFalse(); // the window cuts "not seen"
        assertThat(NOT_SEEN.matches("tumor \u00e4bsent", 5, 13)).isFalse(); // case is ignored within ASCII only
    }

    @Test
    void aFirstCharacterLeftOutOfTheDeclarationFailsTheConstruction() {
        // "absent" starts with a, which the declaration leaves out: the words would never be found
        assertThatThrownBy(() -> new WordsAfter(":-", "n", "\\s*[:\\-]?\\s*(?:not seen|absent)\\b"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'A'");
    }
}
