package org.oncogate.inference.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oncogate.inference.rules.EngineFixture.pathology;
import static org.oncogate.inference.rules.EngineFixture.value;
import static org.oncogate.job.InferenceType.HISTOLOGY;
import static org.oncogate.job.InferenceType.TUMOR_SITE;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped ICD-O-3 lexicons: their coverage, their code formats, and synonyms of each kind. */
class LexiconFilesTest {

    private static final Lexicon TOPOGRAPHY = Lexicon.fromClasspath("lexicon/topography.tsv");
    private static final Lexicon MORPHOLOGY = Lexicon.fromClasspath("lexicon/morphology.tsv");

    @Test
    void topographyCoversEveryCategoryFromC00ToC80() {
        List<LexiconEntry> entries = TOPOGRAPHY.entries();
        assertThat(entries).allSatisfy(e -> assertThat(e.code()).matches("C[0-8]\\d\\.\\d"));
        Set<String> categories = entries.stream().map(e -> e.code().substring(0, 3)).collect(Collectors.toSet());
        // the ICD-O-3 topography categories: C00-C26, C30-C34, C37-C41, C42, C44, C47-C58, C60-C80 (no C35, C36, C43, C45, C46, C59)
        for (int c = 0; c <= 80; c++) {
            String category = String.format("C%02d", c);
            boolean unused = Set.of(27, 28, 29, 35, 36, 43, 45, 46, 59, 78, 79).contains(c);
            assertThat(categories.contains(category)).as(category).isEqualTo(!unused);
        }
        assertThat(entries).hasSizeGreaterThanOrEqualTo(300);
        assertThat(TOPOGRAPHY.find("C80.9")).isPresent();
    }

    @Test
    void morphologyHasAtLeast300MalignantCodes() {
        List<LexiconEntry> entries = MORPHOLOGY.entries();
        assertThat(entries).allSatisfy(e -> assertThat(e.code()).matches("[89]\\d{3}/[0-3]"));
        long malignant = entries.stream().filter(e -> e.code().endsWith("/3")).map(e -> e.code().substring(0, 4)).distinct().count();
        assertThat(malignant).isGreaterThanOrEqualTo(300);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        // a subsite named by its synonym; the organ alone gives .9
        "Left breast, upper outer quadrant: invasive ductal carcinoma.; C50.4",
        "Right upper lobe, lobectomy: adenocarcinoma.; C34.1",
        "Sigmoid colon, resection: adenocarcinoma.; C18.7",
        "Breast, mastectomy: invasive lobular carcinoma.; C50.9",
        "Brain, left frontal lobe, resection: glioblastoma.; C71.1",
        "Cervix, LEEP: squamous cell carcinoma.; C53.9",
        "Base of tongue, biopsy: squamous cell carcinoma.; C01.9",
        "Gastroesophageal junction, resection: adenocarcinoma.; C16.0",
        "Retroperitoneum, mass, excision: dedifferentiated liposarcoma.; C48.0",
        // a radical hysterectomy is the operation for a cervical cancer, a simple one names the uterus
        "Uterus, radical hysterectomy: invasive squamous cell carcinoma, 3 cm.; C53.9",
        "Uterus, total hysterectomy: leiomyosarcoma, 8 cm.; C55.9"})
    void siteSynonyms(String text, String site) {
        assertThat(value(pathology(text), TUMOR_SITE)).isEqualTo(site);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "Left breast: infiltrating ductal carcinoma.; 8500",
        "Colon: adenocarcinoma, NOS.; 8140",
        "Kidney: clear cell renal cell carcinoma.; 8310",
        "Thyroid: papillary thyroid carcinoma.; 8260",
        "Brain: glioblastoma multiforme.; 9440",
        "Pleura: malignant mesothelioma, epithelioid type.; 9052",
        "Testis: classic seminoma.; 9061",
        "Stomach: signet ring cell carcinoma.; 8490",
        "Thigh: undifferentiated pleomorphic sarcoma.; 8805",
        "Lymph node: diffuse large B-cell lymphoma.; 9680"})
    void histologySynonyms(String text, String histology) {
        assertThat(value(pathology(text), HISTOLOGY)).isEqualTo(histology);
    }

    @Test
    void anAdenocarcinomaWithTwoGrowthPatternsHasMixedSubtypes() {
        // two or more patterns named after it: 8255; a single pattern ("with papillary features") stays 8140
        assertThat(value(pathology("Right lung, lobectomy: adenocarcinoma with acinar, micropapillary and lepidic components."),
                HISTOLOGY)).isEqualTo("8255");
        assertThat(value(pathology("Colon: adenocarcinoma with papillary features."), HISTOLOGY)).isEqualTo("8140");
    }

    @Test
    void aHistologyWithoutAnySiteWordGivesItsUsualSite() {
        // no site named at all: glioblastoma arises in the brain (lexicon/histology-sites.tsv)
        assertThat(value(pathology("Diagnosis: glioblastoma, WHO grade IV."), TUMOR_SITE)).isEqualTo("C71.9");
        // adenocarcinoma arises anywhere: no site
        assertThat(value(pathology("Diagnosis: adenocarcinoma."), TUMOR_SITE)).isEqualTo("None");
    }
}
