package org.oncogate.inference.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds lexicon terms in a text, word by word: case-insensitive, on whole words, ignoring the
 * punctuation between words. At each word the longest term wins and matching resumes after it, so
 * "ductal carcinoma in situ" is never also read as "ductal carcinoma". The terms form a trie of words, so each
 * position costs one step per word of its longest match, whatever the size of the lexicon. The trie is keyed by
 * the words' numbers in the {@link Vocabulary}, so a step is an array probe, not a string hash and compare.
 *
 * <p>Scanned reports misread letters ("hepatocetlular", "lelomyosarcoma", "carcinuma"): a long word that
 * is no word of the lexicon stands for the one lexicon word it is one edit away from (a letter changed, added or
 * dropped), when exactly one is; such a match is {@linkplain Match#misread() misread}. Words shorter than
 * {@link #MISREAD_MIN_LENGTH} are taken as written: among short words one edit turns many into others.
 */
final class PhraseMatcher {

    /** A term found in a text: its entry, its range, its number of words, and whether a word of it was read as misread. */
    record Match(LexiconEntry entry, int start, int end, int words, boolean misread) {
    }

    static final int MISREAD_MIN_LENGTH = 9;
    private static final int INTACT = 4;
    /** Not yet looked for, in {@link #find}'s cache of what each word misreads. */
    private static final int NOT_SOUGHT = -2;

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
    /** The lexicon's words of at least {@link #MISREAD_MIN_LENGTH} letters, with their numbers. */
    private final Map<String, Integer> longWords = new HashMap<>();
    /**
     * The long words by their first and by their last {@link #INTACT} letters: one edit in a word that long leaves one
     * of the two intact, so only the words sharing one of them with a word of the text can be what it misreads.
     */
    private final Map<String, List<String>> byStart = new HashMap<>();
    private final Map<String, List<String>> byEnd = new HashMap<>();
    /** The {@link #affix} hashes of the first and last letters of the long words: a word with neither is no misreading. */
    private final BitSet affixes = new BitSet(AFFIX_BITS);
    private static final int AFFIX_BITS = 1 << 16;

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
                    int word = Vocabulary.add(key);
                    node = node.getOrAdd(word);
                    if (key.length() >= MISREAD_MIN_LENGTH) {
                        longWords.put(key, word);
                    }
                }
                if (node.entry != null && !node.entry.code().equals(entry.code())) {
                    throw new IllegalStateException("lexicon term of " + entry.code() + " already names " + node.entry.code());
                }
                node.entry = node.entry == null ? entry : node.entry;
            }
        }
        for (String word : longWords.keySet()) {
            byStart.computeIfAbsent(word.substring(0, INTACT), k -> new ArrayList<>()).add(word);
            byEnd.computeIfAbsent(word.substring(word.length() - INTACT), k -> new ArrayList<>()).add(word);
            affixes.set(affix(word, 0));
            affixes.set(affix(word, word.length() - INTACT));
        }
    }

    /**
     * A hash of the {@link #INTACT} letters of {@code word} from {@code from}, in {@link #AFFIX_BITS} bits: most words of a
     * text share neither their first nor their last letters with a long lexicon word, and this finds it without a string.
     */
    private static int affix(String word, int from) {
        int h = 0;
        for (int i = from; i < from + INTACT; i++) {
            h = 31 * h + word.charAt(i);
        }
        return (h ^ (h >>> 16)) & (AFFIX_BITS - 1);
    }

    List<Match> find(List<Token> tokens) {
        List<Match> matches = new ArrayList<>();
        int[] meant = null; // per word, the number of the lexicon word it misreads, once looked for
        int i = 0;
        while (i < tokens.size()) {
            Node node = root;
            LexiconEntry longest = null;
            int words = 0;
            boolean misread = false;
            boolean misreadSoFar = false;
            for (int k = i; k < tokens.size(); k++) {
                Token token = tokens.get(k);
                Node child = node.get(token.word());
                if (child == null && token.longKey() != null) {
                    if (meant == null) {
                        meant = new int[tokens.size()];
                        Arrays.fill(meant, NOT_SOUGHT);
                    }
                    if (meant[k] == NOT_SOUGHT) {
                        meant[k] = meant(token.longKey());
                    }
                    child = node.get(meant[k]);
                    misreadSoFar |= child != null;
                }
                node = child;
                if (node == null) {
                    break;
                }
                if (node.entry != null) {
                    longest = node.entry;
                    words = k - i + 1;
                    misread = misreadSoFar;
                }
            }
            if (longest == null) {
                i++;
                continue;
            }
            matches.add(new Match(longest, tokens.get(i).start(), tokens.get(i + words - 1).end(), words, misread));
            i += words;
        }
        return matches;
    }

    /** The number of the lexicon word {@code key} is a misreading of, or {@link Vocabulary#UNKNOWN} when it is none or several. */
    private int meant(String key) {
        if (key.length() < MISREAD_MIN_LENGTH
                || !affixes.get(affix(key, 0)) && !affixes.get(affix(key, key.length() - INTACT))
                || longWords.containsKey(key)) {
            return Vocabulary.UNKNOWN;
        }
        String found = null;
        for (List<String> words : List.of(byStart.getOrDefault(key.substring(0, INTACT), List.of()),
                byEnd.getOrDefault(key.substring(key.length() - INTACT), List.of()))) {
            for (String word : words) {
                if (oneEditApart(key, word)) {
                    if (found != null && !found.equals(word)) {
                        return Vocabulary.UNKNOWN;
                    }
                    found = word;
                }
            }
        }
        return found == null ? Vocabulary.UNKNOWN : longWords.get(found);
    }

    /** Whether {@code a} becomes {@code b} by changing, adding or dropping one letter (they differ). */
    private static boolean oneEditApart(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        String longer = a.length() >= b.length() ? a : b;
        String shorter = longer == a ? b : a;
        int i = 0;
        while (i < shorter.length() && longer.charAt(i) == shorter.charAt(i)) {
            i++;
        }
        int skip = longer.length() == shorter.length() ? 1 : 0; // a changed letter is passed over in both
        return longer.regionMatches(i + 1, shorter, i + skip, shorter.length() - i - skip);
    }
}
