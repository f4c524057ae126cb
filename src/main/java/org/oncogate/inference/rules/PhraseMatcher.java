package org.oncogate.inference.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds lexicon terms in a text, word by word: case-insensitive, on whole words, ignoring the
 * punctuation between words. At each word the longest term wins and matching resumes after it, so
 * "ductal carcinoma in situ" is never also read as "ductal carcinoma". The terms form a trie of words, so each
 * position costs one step per word of its longest match, whatever the size of the lexicon.
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

    /** A node of the word trie: the words that may follow, and the entry a term ending here names. */
    private static final class Node {
        final Map<String, Node> next = new HashMap<>();
        LexiconEntry entry;
    }

    private final Node root = new Node();
    /** The lexicon's words of at least {@link #MISREAD_MIN_LENGTH} letters. */
    private final Set<String> longWords = new HashSet<>();
    /**
     * The long words by their first and by their last {@link #INTACT} letters: one edit in a word that long leaves one
     * of the two intact, so only the words sharing one of them with a word of the text can be what it misreads.
     */
    private final Map<String, List<String>> byStart = new HashMap<>();
    private final Map<String, List<String>> byEnd = new HashMap<>();
    private static final int INTACT = 4;

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
                    if (key.length() >= MISREAD_MIN_LENGTH) {
                        longWords.add(key);
                    }
                }
                if (node.entry != null && !node.entry.code().equals(entry.code())) {
                    throw new IllegalStateException("lexicon term of " + entry.code() + " already names " + node.entry.code());
                }
                node.entry = node.entry == null ? entry : node.entry;
            }
        }
        for (String word : longWords) {
            byStart.computeIfAbsent(word.substring(0, INTACT), k -> new ArrayList<>()).add(word);
            byEnd.computeIfAbsent(word.substring(word.length() - INTACT), k -> new ArrayList<>()).add(word);
        }
    }

    List<Match> find(List<Token> tokens) {
        List<Match> matches = new ArrayList<>();
        String[] meant = new String[tokens.size()];
        int i = 0;
        while (i < tokens.size()) {
            Node node = root;
            LexiconEntry longest = null;
            int words = 0;
            boolean misread = false;
            boolean misreadSoFar = false;
            for (int k = i; k < tokens.size(); k++) {
                String key = tokens.get(k).key();
                Node child = node.next.get(key);
                if (child == null) {
                    if (meant[k] == null) {
                        meant[k] = meant(key);
                    }
                    child = meant[k].equals(key) ? null : node.next.get(meant[k]);
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

    /** The lexicon word {@code key} is a misreading of, or {@code key} itself when it is none or several. */
    private String meant(String key) {
        if (key.length() < MISREAD_MIN_LENGTH || longWords.contains(key)) {
            return key;
        }
        String found = null;
        for (List<String> words : List.of(byStart.getOrDefault(key.substring(0, INTACT), List.of()),
                byEnd.getOrDefault(key.substring(key.length() - INTACT), List.of()))) {
            for (String word : words) {
                if (oneEditApart(key, word)) {
                    if (found != null && !found.equals(word)) {
                        return key;
                    }
                    found = word;
                }
            }
        }
        return found == null ? key : found;
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
