package org.oncogate.inference.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds lexicon terms in a text, word by word: case-insensitive, on whole words, ignoring the
 * punctuation between words. At each word the longest term wins and matching resumes after it, so
 * "ductal carcinoma in situ" is never also read as "ductal carcinoma". Linear in the text length.
 */
final class PhraseMatcher {

    /** A term as word keys, and the entry it names. */
    private record Phrase(List<String> keys, LexiconEntry entry) {
    }

    /** A term found in a text: its entry, its range and its number of words. */
    record Match(LexiconEntry entry, int start, int end, int words) {
    }

    /** Phrases by their first word, longest first. */
    private final Map<String, List<Phrase>> byFirstWord;

    PhraseMatcher(Lexicon lexicon) {
        Map<String, List<Phrase>> index = new HashMap<>();
        Map<List<String>, String> owner = new HashMap<>();
        for (LexiconEntry entry : lexicon.entries()) {
            List<String> terms = new ArrayList<>(entry.terms());
            terms.add(entry.description());
            for (String term : terms) {
                List<String> keys = Token.of(term).stream().map(Token::key).toList();
                if (keys.isEmpty()) {
                    continue;
                }
                String previous = owner.putIfAbsent(keys, entry.code());
                if (previous != null && !previous.equals(entry.code())) {
                    throw new IllegalStateException("lexicon term of " + entry.code() + " already names " + previous);
                }
                if (previous == null) {
                    index.computeIfAbsent(keys.get(0), k -> new ArrayList<>()).add(new Phrase(keys, entry));
                }
            }
        }
        index.values().forEach(list -> list.sort(Comparator.comparingInt((Phrase p) -> p.keys().size()).reversed()));
        this.byFirstWord = Map.copyOf(index);
    }

    List<Match> find(List<Token> tokens) {
        List<Match> matches = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Phrase phrase = longestAt(tokens, i);
            if (phrase == null) {
                i++;
                continue;
            }
            int words = phrase.keys().size();
            matches.add(new Match(phrase.entry(), tokens.get(i).start(), tokens.get(i + words - 1).end(), words));
            i += words;
        }
        return matches;
    }

    private Phrase longestAt(List<Token> tokens, int i) {
        for (Phrase phrase : byFirstWord.getOrDefault(tokens.get(i).key(), List.of())) {
            if (matchesAt(phrase.keys(), tokens, i)) {
                return phrase;
            }
        }
        return null;
    }

    private static boolean matchesAt(List<String> keys, List<Token> tokens, int i) {
        if (i + keys.size() > tokens.size()) {
            return false;
        }
        for (int k = 1; k < keys.size(); k++) {
            if (!keys.get(k).equals(tokens.get(i + k).key())) {
                return false;
            }
        }
        return true;
    }
}
