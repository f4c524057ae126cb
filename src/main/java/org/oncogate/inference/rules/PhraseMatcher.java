package org.oncogate.inference.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds lexicon terms in a text, word by word: case-insensitive, on whole words, ignoring the
 * punctuation between words. At each word the longest term wins and matching resumes after it, so
 * "ductal carcinoma in situ" is never also read as "ductal carcinoma". The terms form a trie of words, so each
 * position costs one step per word of its longest match, whatever the size of the lexicon.
 */
final class PhraseMatcher {

    /** A term found in a text: its entry, its range and its number of words. */
    record Match(LexiconEntry entry, int start, int end, int words) {
    }

    /** A node of the word trie: the words that may follow, and the entry a term ending here names. */
    private static final class Node {
        final Map<String, Node> next = new HashMap<>();
        LexiconEntry entry;
    }

    private final Node root = new Node();

    PhraseMatcher(Lexicon lexicon) {
        for (LexiconEntry entry : lexicon.entries()) {
            List<String> terms = new ArrayList<>(entry.terms());
            terms.add(entry.description());
            for (String term : terms) {
                List<String> keys = Token.of(term).stream().map(Token::key).toList();
                if (keys.isEmpty()) {
                    continue;
                }
                Node node = root;
                for (String key : keys) {
                    node = node.next.computeIfAbsent(key, k -> new Node());
                }
                if (node.entry != null && !node.entry.code().equals(entry.code())) {
                    throw new IllegalStateException("lexicon term of " + entry.code() + " already names " + node.entry.code());
                }
                node.entry = node.entry == null ? entry : node.entry;
            }
        }
    }

    List<Match> find(List<Token> tokens) {
        List<Match> matches = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Node node = root;
            LexiconEntry longest = null;
            int words = 0;
            for (int k = i; k < tokens.size(); k++) {
                node = node.next.get(tokens.get(k).key());
                if (node == null) {
                    break;
                }
                if (node.entry != null) {
                    longest = node.entry;
                    words = k - i + 1;
                }
            }
            if (longest == null) {
                i++;
                continue;
            }
            matches.add(new Match(longest, tokens.get(i).start(), tokens.get(i + words - 1).end(), words));
            i += words;
        }
        return matches;
    }
}
