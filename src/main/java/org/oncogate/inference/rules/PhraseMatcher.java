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
 * <p>Scanned reports misread letters ("hepatocetlular", "leiomyosarcorna" read as "carcinuma"): a long word that
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
    /** Each such word with one letter dropped, to that word; none when two words give the same. */
    private final Map<String, String> dropped = new HashMap<>();
    /** The same, keyed also by where the letter was dropped: a changed letter leaves the same word at the same place. */
    private final Map<String, String> droppedAt = new HashMap<>();
    /**
     * The first and the last {@link #INTACT} letters of the long words: one edit in a word that long leaves one of the
     * two intact, so a word with neither is no misreading, found without trying its edits.
     */
    private final Set<String> starts = new HashSet<>();
    private final Set<String> ends = new HashSet<>();
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
            starts.add(word.substring(0, INTACT));
            ends.add(word.substring(word.length() - INTACT));
            for (int at = 0; at < word.length(); at++) {
                String shorter = word.substring(0, at) + word.substring(at + 1);
                dropped.merge(shorter, word, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
                droppedAt.merge(at + PLACE + shorter, word, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
            }
        }
        dropped.values().removeIf(AMBIGUOUS::equals);
        droppedAt.values().removeIf(AMBIGUOUS::equals);
    }

    /** Marks a shortened form that two lexicon words give. */
    private static final String AMBIGUOUS = "";
    /** Between the place of a dropped letter and the shortened word in a key of {@link #droppedAt}. */
    private static final String PLACE = " ";

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
        if (key.length() < MISREAD_MIN_LENGTH || longWords.contains(key)
                || !starts.contains(key.substring(0, INTACT)) && !ends.contains(key.substring(key.length() - INTACT))) {
            return key;
        }
        Set<String> candidates = new HashSet<>();
        String added = dropped.get(key); // a letter dropped from a word
        if (added != null) {
            candidates.add(added);
        }
        for (int at = 0; at < key.length(); at++) {
            String shorter = key.substring(0, at) + key.substring(at + 1);
            if (longWords.contains(shorter)) { // a letter added to a word
                candidates.add(shorter);
            }
            String changed = droppedAt.get(at + PLACE + shorter); // a letter of a word changed
            if (changed != null) {
                candidates.add(changed);
            }
        }
        return candidates.size() == 1 ? candidates.iterator().next() : key;
    }
}
