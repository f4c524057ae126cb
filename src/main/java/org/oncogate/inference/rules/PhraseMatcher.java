package org.oncogate.inference.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds lexicon terms in a text, word by word: case-insensitive, on whole words, ignoring the
 * punctuation between words. At each word the longest term wins and matching resumes after it, so
 * "ductal carcinoma in situ" is never also read as "ductal carcinoma". The terms form a trie of words, so each
 * position costs one step per word of its longest match, whatever the size of the lexicon. The trie is keyed by
 * the words' numbers in the {@link Vocabulary}, so a step is an array probe, not a string hash and compare.
 */
final class PhraseMatcher {

    /** A term found in a text: its entry, its range and its number of words. */
    record Match(LexiconEntry entry, int start, int end, int words) {
    }

    /**
     * A node of the word trie: the words that may follow (an open-addressing table from word number to node), and the
     * entry a term ending here names.
     */
    private static final class Node {
        private int[] words = new int[2];
        private Node[] next = new Node[2];
        private int size;
        LexiconEntry entry;

        /** The node after {@code word}, or null; {@link Vocabulary#UNKNOWN} has none. */
        Node get(int word) {
            int mask = next.length - 1;
            for (int i = slot(word, mask); next[i] != null; i = (i + 1) & mask) {
                if (words[i] == word) {
                    return next[i];
                }
            }
            return null;
        }

        Node getOrAdd(int word) {
            Node found = get(word);
            if (found != null) {
                return found;
            }
            if (2 * (size + 1) > next.length) {
                grow();
            }
            Node added = new Node();
            put(word, added);
            return added;
        }

        private void put(int word, Node node) {
            int mask = next.length - 1;
            int i = slot(word, mask);
            while (next[i] != null) {
                i = (i + 1) & mask;
            }
            words[i] = word;
            next[i] = node;
            size++;
        }

        private void grow() {
            int[] oldWords = words;
            Node[] oldNext = next;
            words = new int[2 * oldWords.length];
            next = new Node[2 * oldNext.length];
            size = 0;
            for (int i = 0; i < oldNext.length; i++) {
                if (oldNext[i] != null) {
                    put(oldWords[i], oldNext[i]);
                }
            }
        }

        private static int slot(int word, int mask) {
            int h = word * 0x9E3779B9;
            return (h ^ (h >>> 16)) & mask;
        }
    }

    private final Node root = new Node();

    PhraseMatcher(Lexicon lexicon) {
        for (LexiconEntry entry : lexicon.entries()) {
            List<String> terms = new ArrayList<>(entry.terms());
            terms.add(entry.description());
            for (String term : terms) {
                List<String> keys = Token.keys(term);
                if (keys.isEmpty()) {
                    continue;
                }
                Node node = root;
                for (String key : keys) {
                    node = node.getOrAdd(Vocabulary.add(key));
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
                node = node.get(tokens.get(k).word());
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
