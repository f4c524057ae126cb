package org.oncogate.inference.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The cue patterns' short cuts find exactly what {@link java.util.regex.Matcher#find()} finds: the declared first
 * characters are checked against the pattern, a pattern starting with {@code \b} is not entered inside a word, and a
 * search within bounds sees the substring as if it were the whole text.
 */
class CuePatternTest {

    private static final CuePattern NO = CuePattern.startingWith("n", "\\bno\\b");

    @Test
    void aFirstCharacterLeftOutOfTheDeclarationFailsTheConstruction() {
        // "without" starts with w, which the declaration leaves out: the pattern would never find it
        assertThatThrownBy(() -> CuePattern.startingWith("n", "\\b(?:no|without)\\b"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'W'"); // case is ignored: W is the first of the two tried
        assertThat(CuePattern.startingWith("nw", "\\b(?:no|without)\\b").findsIn("without", 0, 7)).isTrue();
    }

    @Test
    void aWordBoundaryPatternIsNotFoundInsideAWordOfTheWindows() {
        // "no" inside "piano" and "nothing" is no match; the word "no" is, in a window that starts inside "piano"
        String text = "piano no nothing";
        assertThat(matches(text, Regions.around(text, "n", i -> true, 1, 8))).containsExactly("6-8");
        // after "ñ", a letter other than ASCII, the "n" starts no word: left to the matcher, which sees no boundary
        String accented = "\u00f1no no";
        assertThat(matches(accented, Regions.around(accented, "n", i -> true, 1, 8))).containsExactly("4-6");
    }

    @Test
    void theCharactersThatMayFollowAFirstOneAreReadFromThePattern() {
        // "n" may go on with "o", a space or a digit; "nz", "nodes" and the "n" of "and" start no match
        CuePattern node = CuePattern.startingWith("n", "\\b(?:no\\b|n\\s?\\d)");
        String text = "n 5 and no, nz n7 nodes n";
        List<String> found = new ArrayList<>();
        Regions.around(text, "n", i -> true, 0, 3).forEachMatch(text, node, m -> found.add(m.group()));
        node.forEachMatch(text, 0, text.length(), m -> found.add(m.group()));
        assertThat(found).containsExactly("n 5", "no", "n7", "n 5", "no", "n7");
    }

    @Test
    void theCharactersThatMayFollowAFirstPairAreReadFromThePattern() {
        // "ca" and "sp" start "cannot" and "spread", not "carcinoma", "specimen" or "sp."; a pair at a window's or the
        // text's end, or before other than ASCII, is left to the matcher; all as Matcher.find() finds them
        CuePattern cue = CuePattern.startingWith("cs", "\\b(?:cannot|can|spread|sp\\b)");
        String text = "carcinoma can cannot specimen spread sp. spr\u00e9ad ca";
        List<String> found = new ArrayList<>();
        Regions.around(text, "cs", i -> true, 0, 7).forEachMatch(text, cue, m -> found.add(m.group()));
        cue.forEachMatch(text, 0, text.length(), m -> found.add(m.group()));
        Matcher all = cue.pattern().matcher(text);
        List<String> expected = new ArrayList<>();
        while (all.find()) {
            expected.add(all.group());
        }
        assertThat(expected).containsExactly("can", "cannot", "spread", "sp");
        assertThat(found).containsExactlyElementsOf(Stream.concat(expected.stream(), expected.stream()).toList());
        assertThat(cue.findsIn(text, 10, 12)).isFalse(); // "ca" cut by the bounds: no "can"
        assertThat(cue.findsIn("xx sp", 3, 5)).isTrue(); // "sp" at the end of the bounds
    }

    @Test
    void aSearchWithinBoundsSeesTheSubstringAsTheWholeText() {
        // cut after "pia", "no" starts the substring and is found; the substring's end is a word's end too
        String text = "piano carcinoma nothing";
        assertThat(within(text, 3, text.length())).containsExactly("3-5");
        assertThat(within(text, 3, 18)).containsExactly("3-5", "16-18");
        assertThat(within(text, 0, text.length())).isEmpty();
        assertThat(NO.findsIn(text, 3, 10)).isTrue();
        assertThat(NO.findsIn(text, 4, 17)).isFalse();
    }

    @Test
    void aSearchWithinBoundsOverOtherThanAsciiIsLeftToTheMatcher() {
        // "ñ" is a letter: no word boundary before the "no" after it, unless the substring starts between them
        String text = "\u00f1no ca";
        assertThat(within(text, 0, text.length())).isEmpty();
        assertThat(within(text, 1, text.length())).containsExactly("1-3");
    }

    @Test
    void aPatternThatLooksBehindItsStartIsNotSearchedWithinBounds() {
        CuePattern number = CuePattern.startingWith("\\d", "(?<![\\d.])\\d+");
        assertThatThrownBy(() -> number.findsIn("a 12", 0, 4)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPatternHoldingWordsFindsInTheWindowsWhatTheMatcherFinds() {
        // every match holds "free": the "lymph" starts after the last "free" of a window are not tried, and find nothing
        // the matcher would find; one held word ending past a window's end counts for nothing in it
        CuePattern free = CuePattern.startingWith("flt", "\\b(?:tumou?r[\\s-]?)?free\\s+lymph\\s+nodes?").holding("free");
        String text = "Tumor-FREE lymph nodes. tumor free lymph node; lymph nodes free lymph nodes, lymph node, tumor fre";
        List<String> found = new ArrayList<>();
        Regions.around(text, "n", i -> Regions.wordAt(text, i, "node"), 40, 10).forEachMatch(text, free, m -> found.add(m.group()));
        Matcher all = free.pattern().matcher(text);
        List<String> expected = new ArrayList<>();
        while (all.find()) {
            expected.add(all.group());
        }
        assertThat(expected).containsExactly("Tumor-FREE lymph nodes", "tumor free lymph node", "free lymph nodes");
        assertThat(found).containsExactlyElementsOf(expected);
        Regions cut = Regions.around(text, "n", i -> Regions.wordAt(text, i, "node"), 0, 4);
        List<String> inCut = new ArrayList<>();
        cut.forEachMatch(text, free, m -> inCut.add(m.group()));
        assertThat(inCut).isEmpty(); // windows of "node" alone hold no whole "free"
    }

    @Test
    void aPatternWhoseMatchesStartWithOneLetterIsTriedOnlyAtTheWordsStartingWithIt() {
        assertThat(NO.firstLetter()).isEqualTo('n');
        assertThat(CuePattern.startingWith("nw", "\\b(?:no|without)\\b").firstLetter()).isEqualTo(CuePattern.NO_LETTER);
        assertThat(CuePattern.startingWith("\\d", "\\b\\d+").firstLetter()).isEqualTo(CuePattern.NO_LETTER);
        // "No" in capitals is among the words starting with n, and so is a word starting other than ASCII ("ño")
        String text = "No, never: ño no.";
        assertThat(matches(text, Regions.around(text, "nN", i -> true, 0, 4))).containsExactly("0-2", "14-16");
    }

    @Test
    void aHeldWordThePatternDoesNotSpellFailsTheConstruction() {
        CuePattern free = CuePattern.startingWith("f", "\\bfree\\b");
        assertThatThrownBy(() -> free.holding("fre e")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> free.holding("Free")).isInstanceOf(IllegalStateException.class);
        assertThat(free.holding("free").holdsWords()).isTrue();
    }

    private static List<String> matches(String text, Regions regions) {
        List<String> found = new ArrayList<>();
        regions.forEachMatch(text, NO, m -> found.add(m.start() + "-" + m.end()));
        return found;
    }

    private static List<String> within(String text, int from, int to) {
        List<String> found = new ArrayList<>();
        NO.forEachMatch(text, from, to, m -> found.add(m.start() + "-" + m.end()));
        return found;
    }
}
