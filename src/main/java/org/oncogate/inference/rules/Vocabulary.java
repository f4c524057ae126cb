package org.oncogate.inference.rules;

import java.util.HashMap;
import java.util.Map;

/**
 * The words of every lexicon term, each with a number, so that a document's words are looked up once
 * ({@link Token#of(String)}), straight from the text without making a string of each, and every
 * {@link PhraseMatcher} then steps through its trie by number. A word no term holds has no number: no term can
 * match it. Grows only, and only as matchers are made; lookups go to a table rebuilt after a word was added.
 */
final class Vocabulary {

    /** The number of a word no term holds. */
    static final int UNKNOWN = -1;

    /** Guarded by the class. */
    private static final Map<String, Integer> NUMBERS = new HashMap<>();
    /** The words numbered so far, for lookups; null after a word was added. */
    private static volatile Table table;

    private Vocabulary() {
    }

    /** The number of {@code key} (a {@link Token#key(String)}), given it now if it had none. */
    static synchronized int add(String key) {
        Integer number = NUMBERS.get(key);
        if (number != null) {
            return number;
        }
        NUMBERS.put(key, NUMBERS.size());
        table = null;
        return NUMBERS.size() - 1;
    }

    /** The words numbered so far. */
    static Table table() {
        Table current = table;
        if (current == null) {
            synchronized (Vocabulary.class) {
                current = table == null ? new Table(NUMBERS) : table;
                table = current;
            }
        }
        return current;
    }

    /** An open-addressing table from key to number, probed with a key's chars wherever they stand. */
    static final class Table {
        private final char[][] keys;
        private final int[] numbers;
        private final int mask;

        private Table(Map<String, Integer> numbered) {
            int capacity = Integer.highestOneBit(Math.max(1, numbered.size()) * 4);
            keys = new char[capacity][];
            numbers = new int[capacity];
            mask = capacity - 1;
            numbered.forEach((key, number) -> {
                char[] chars = key.toCharArray();
                int i = hash(chars, 0, chars.length) & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = chars;
                numbers[i] = number;
            });
        }

        /** The number of the key {@code text[start, end)} with A to Z lower-cased, or {@link #UNKNOWN}. */
        int of(char[] text, int start, int end) {
            for (int i = hash(text, start, end) & mask; keys[i] != null; i = (i + 1) & mask) {
                if (asciiLowerEquals(text, start, end, keys[i])) {
                    return numbers[i];
                }
            }
            return UNKNOWN;
        }

        /** The number of {@code key}, or {@link #UNKNOWN}. */
        int of(String key) {
            char[] chars = key.toCharArray();
            return of(chars, 0, chars.length);
        }

        /** A hash of {@code s[start, end)} with A to Z lower-cased (keys hold none, so for a key its chars as they are). */
        private static int hash(char[] s, int start, int end) {
            int h = 0;
            for (int i = start; i < end; i++) {
                h = 31 * h + asciiLower(s[i]);
            }
            return h ^ (h >>> 16);
        }
    }

    /** Whether {@code text[start, end)} with A to Z lower-cased is {@code key}. */
    static boolean asciiLowerEquals(char[] text, int start, int end, char[] key) {
        if (key.length != end - start) {
            return false;
        }
        for (int i = 0; i < key.length; i++) {
            if (asciiLower(text[start + i]) != key[i]) {
                return false;
            }
        }
        return true;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
