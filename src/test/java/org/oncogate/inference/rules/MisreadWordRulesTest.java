package org.oncogate.inference.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oncogate.inference.rules.EngineFixture.evidenceWords;
import static org.oncogate.inference.rules.EngineFixture.inference;
import static org.oncogate.inference.rules.EngineFixture.pathology;
import static org.oncogate.inference.rules.EngineFixture.value;
import static org.oncogate.job.InferenceType.HISTOLOGY;
import static org.oncogate.job.InferenceType.TUMOR_SITE;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oncogate.job.Inference;
import org.oncogate.job.PatientResult;

/** Lexicon terms with one misread letter in a long word, as scanned reports have them ({@link PhraseMatcher}). */
class MisreadWordRulesTest {

    private static final Lexicon LEXICON = Lexicon.of(List.of(
            new LexiconEntry("8170/3", "Hepatocellular carcinoma, NOS", List.of("hepatocellular carcinoma", "hepatoma")),
            new LexiconEntry("8890/3", "Leiomyosarcoma, NOS", List.of("leiomyosarcoma")),
            new LexiconEntry("8010/3", "Carcinoma, NOS", List.of("carcinoma")),
            // two words one letter apart: a word between them is either, so neither
            new LexiconEntry("9999/3", "Test term", List.of("abcdefghij")),
            new LexiconEntry("9998/3", "Other test term", List.of("abcdefghik"))));
    private static final PhraseMatcher MATCHER = new PhraseMatcher(LEXICON);

    private static List<PhraseMatcher.Match> find(String text) {
        return MATCHER.find(Token.of(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        // a letter changed
        "Hepatocetlular carcinoma, grade 2.; 8170/3",
        // a letter added
        "Hepatocelluliar carcinoma.; 8170/3",
        // a letter dropped
        "Hepatocellula carcinoma.; 8170/3",
        // the misread word in a one-word term
        "Uterus: lelomyosarcoma, high grade.; 8890/3",
        // carcinoma is nine letters long: long enough
        "Invasive carcinuma.; 8010/3"})
    void aLongWordOneLetterOffIsReadAsTheLexiconWord(String text, String code) {
        List<PhraseMatcher.Match> matches = find(text);
        assertThat(matches).hasSize(1);
        assertThat(matches.get(0).entry().code()).isEqualTo(code);
        assertThat(matches.get(0).misread()).isTrue();
    }

    @Test
    void aWordAsWrittenIsNoMisreading() {
        assertThat(find("Hepatocellular carcinoma.")).singleElement().satisfies(m -> assertThat(m.misread()).isFalse());
    }

    @Test
    void shortWordsTwoLettersOffAndAmbiguousWordsAreTakenAsWritten() {
        // "hematoma" is a word of its own, eight letters long: not read as "hepatoma"
        assertThat(find("Liver: subcapsular hematoma.")).isEmpty();
        // two letters off
        assertThat(find("Hepatocelljiar carcinoma.")).extracting(m -> m.entry().code()).containsExactly("8010/3");
        // one letter off from two lexicon words
        assertThat(find("abcdefghiz")).isEmpty();
    }

    @Test
    void aMisreadTermCountsLessThanAWrittenOne() {
        String text = "Liver, right lobe, resection: hepatocetlular carcinoma, 5 cm.";
        PatientResult misread = pathology(text);
        PatientResult written = pathology("Liver, right lobe, resection: hepatocellular carcinoma, 5 cm.");
        assertThat(value(misread, HISTOLOGY)).isEqualTo("8170");
        assertThat(evidenceWords(text, misread, HISTOLOGY)).isEqualTo("hepatocetlular carcinoma");
        assertThat(inference(misread, HISTOLOGY).confidenceScore()).isLessThan(inference(written, HISTOLOGY).confidenceScore());
    }

    @Test
    void siteTermsAreReadTheSameWay() {
        // "gallbledder": the site of the adenocarcinoma
        PatientResult result = pathology("Cholecystectomy: adenocarcinoma of the gallbledder, moderately differentiated.");
        assertThat(value(result, TUMOR_SITE)).isEqualTo("C23.9");
        // no lexicon word near "colonoscopy": no site
        assertThat(value(pathology("Colonoscopy report: carcinoma."), TUMOR_SITE)).isEqualTo(Inference.NONE);
    }
}
