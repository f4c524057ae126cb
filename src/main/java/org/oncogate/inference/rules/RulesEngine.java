package org.oncogate.inference.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.oncogate.inference.InferenceEngine;
import org.oncogate.job.ClinicalNoteEvidence;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.DocumentContent;
import org.oncogate.job.Inference;
import org.oncogate.job.InferenceType;
import org.oncogate.job.JobConfiguration;
import org.oncogate.job.PatientDocument;
import org.oncogate.job.PatientRecord;
import org.oncogate.job.PatientResult;
import org.oncogate.text.NormalizedText;
import org.oncogate.text.Span;

/**
 * The embedded, deterministic, rule-based engine: written TNM ({@link TnmFinder}), lymph node findings
 * ({@link LymphNodeFinder}), explicit ICD-O-3 codes and lexicon terms ({@link SiteFinder},
 * {@link HistologyFinder}, data under {@code lexicon/} on the classpath). Each document is read in its
 * normalized form and every evidence span is mapped back to the submitted text. Scores are in
 * {@link Confidence}, the choice among several values in {@link ValueSelector}.
 *
 * oncogate's own types: laterality ({@link LateralityFinder}), grade ({@link GradeFinder}), behaviour
 * ({@link HistologyBehaviour}) and TNM subcategories ({@link TnmSubcategory}); labelled dates for
 * {@code diagnosisDate} ({@link DiagnosisDateFinder}).
 *
 * <p>Immutable after construction, so one instance serves all jobs concurrently. Nothing here logs; no
 * exception carries text.
 */
public final class RulesEngine implements InferenceEngine {

    private static final String LEXICON = "lexicon/";
    private static final String FIRST_CASE = "1";
    private static final String SECOND_CASE = "2";
    /** Documents in the order they were written (ISO-8601 instants compare as text); undated ones first. */
    private static final Comparator<PatientDocument> IN_TIME =
            Comparator.comparing(PatientDocument::createdDateTime, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final String modelVersion;
    private final TnmFinder tnm = new TnmFinder();
    private final LymphNodeFinder lymphNodes = new LymphNodeFinder();
    private final HistologyFinder histology;
    private final Subtypes subtypes;
    private final SiteFinder site;
    private final GenericSites genericSites;
    private final SiteFits siteFits;
    private final UsualHistology usualHistology;
    private final Lexicon morphology;
    private final Lexicon topography;
    private final TumourSizeFinder sizes = new TumourSizeFinder();
    private final TumourThicknessFinder thicknesses = new TumourThicknessFinder();
    private final ValueSelector selector = new ValueSelector();
    private final TBySize tBySize;
    private final TBySize tByThickness;
    private final HistologyBehaviour behaviour;
    private final LateralityFinder laterality;
    private final GradeFinder grades = new GradeFinder();
    private final DiagnosisDateFinder diagnosisDates = new DiagnosisDateFinder();
    private final TByExtent tByExtent;

    /** A pathology report as read, kept for the rules that look at it again once the site is known. */
    private record PathologyReading(PatientDocument document, NormalizedText normalized, Sections sections) {
    }

    /**
     * What the documents of one patient gave, filled document by document: the located mentions, the
     * tumour sizes and (melanoma) Breslow thicknesses, the pathology reports as read, and what they say of a
     * second primary.
     */
    private record PatientReading(List<Located> found, List<TBySize.StatedSize> statedSizes,
                                  List<TBySize.StatedSize> statedThicknesses, List<PathologyReading> pathology,
                                  SecondPrimary secondPrimary) {
        static PatientReading empty() {
            return new PatientReading(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new SecondPrimary());
        }
    }

    /** Loads the lexicons from the classpath. */
    public RulesEngine() {
        this.subtypes = Subtypes.of(dataLines(LEXICON + "histology-subtypes.tsv"));
        this.morphology = Lexicon.fromClasspath(LEXICON + "morphology.tsv");
        this.usualHistology = UsualHistology.of(dataLines(LEXICON + "usual-histology.tsv"));
        this.histology = new HistologyFinder(morphology,
                genericLevels(dataLines(LEXICON + "generic-morphology.txt")), subtypes);
        this.behaviour = new HistologyBehaviour(morphology);
        this.laterality = new LateralityFinder(dataLines(LEXICON + "paired-sites.txt"));
        this.topography = Lexicon.fromClasspath(LEXICON + "topography.tsv");
        this.genericSites = GenericSites.of(dataLines(LEXICON + "generic-topography.txt"));
        this.site = new SiteFinder(topography, genericSites);
        this.siteFits = SiteFits.of(dataLines(LEXICON + "histology-sites.tsv"));
        this.tBySize = TBySize.of(dataLines(LEXICON + "t-by-size.tsv"));
        this.tByThickness = TBySize.of(dataLines(LEXICON + "t-by-thickness.tsv"));
        this.tByExtent = TByExtent.of(dataLines(LEXICON + "t-by-extent.tsv"));
        this.modelVersion = "oncogate-rules-" + dataLines(LEXICON + "VERSION").get(0);
    }

    @Override
    public String modelVersion() {
        return modelVersion;
    }

    @Override
    public PatientResult infer(PatientRecord patient, JobConfiguration configuration) {
        List<PatientDocument> documents = patient.patientDocuments().stream()
                .filter(d -> d.content() != null && DocumentContent.INLINE.equals(d.content().sourceType()) && d.text() != null)
                .sorted(IN_TIME)
                .toList();
        Set<InferenceType> requested = configuration.requestedTypes();
        PatientReading reading = PatientReading.empty();
        for (int i = 0; i < documents.size(); i++) {
            read(documents.get(i), i, requested, reading);
        }
        List<Located> found = reading.found();
        if (configuration.checkForCancerCase() && found.stream().noneMatch(l -> l.mention().indicatesCancer())) {
            return new PatientResult(patient.id(), List.of());
        }
        Inference histologyInference = selector.select(InferenceType.HISTOLOGY, subtypes.parentsYield(found));
        List<Located> sites = genericSites.yielding(found, category -> siteFits.fit(histologyInference.value(), category) > 0);
        Function<String, String> describeSite = code -> topography.find(code).map(LexiconEntry::description).orElse(null);
        Inference siteInference = selector.selectSite(sites, histologyInference, siteFits, describeSite);
        Inference histologyOfSite = malignant(found, histologyInference)
                ? usualHistology.refine(histologyInference, siteInference,
                        code -> morphology.find(code + "/3").map(LexiconEntry::description).orElse(null))
                : histologyInference;
        Optional<List<Inference>> secondCase = reading.secondPrimary().secondCase(siteInference, selector, siteFits,
                describeSite);
        Function<InferenceType, Inference> selected = type -> type == InferenceType.PATHOLOGIC_STAGE_T
                ? pathologicT(reading, siteInference) : selector.select(type, found);
        List<Inference> inferences = new ArrayList<>();
        for (InferenceType type : requested) {
            Inference inference = switch (type) {
                case HISTOLOGY -> histologyOfSite;
                case TUMOR_SITE -> siteInference;
                case TUMOR_BEHAVIOR -> behaviour.of(histologyOfSite);
                default -> TnmSubcategory.OF.containsKey(type)
                        ? TnmSubcategory.of(type, selected.apply(TnmSubcategory.OF.get(type))) : selected.apply(type);
            };
            inferences.add(secondCase.isPresent() ? inference.withCaseId(FIRST_CASE) : inference);
        }
        secondCase.ifPresent(second -> second.stream().filter(i -> requested.contains(i.type()))
                .forEach(i -> inferences.add(i.withCaseId(SECOND_CASE))));
        return new PatientResult(patient.id(), inferences.stream()
                .map(i -> configuration.includeEvidence() ? i.withAtMostEvidence(configuration.maxEvidence()) : i.withoutEvidence())
                .toList());
    }

    /** Whether a malignant mention states the chosen histology (an in situ carcinoma keeps its generic code). */
    private static boolean malignant(List<Located> found, Inference histology) {
        return found.stream().map(Located::mention).anyMatch(m -> m.type() == InferenceType.HISTOLOGY
                && m.indicatesCancer() && m.value().equals(histology.value()));
    }

    /**
     * The written pathologic T, or else, when the documents name a malignancy, the most advanced of the ones the
     * tumour's size ({@link TBySize}), a melanoma's Breslow thickness (the same, with {@code t-by-thickness.tsv}) and
     * its stated extent ({@link TByExtent}) give for the site.
     */
    private Inference pathologicT(PatientReading reading, Inference site) {
        List<Located> found = reading.found();
        Inference written = selector.select(InferenceType.PATHOLOGIC_STAGE_T, found);
        if (!written.isNone() || site.isNone() || found.stream().noneMatch(l -> l.mention().indicatesCancer())) {
            return written;
        }
        Optional<Inference> byExtent = TByExtent.infer(statedExtents(site.value().substring(0, 3), reading.pathology()));
        Optional<Inference> bySize = tBySize.infer(site, reading.statedSizes());
        Optional<Inference> byThickness = tByThickness.infer(site, reading.statedThicknesses());
        return Stream.of(byExtent, bySize, byThickness).flatMap(Optional::stream).max(Comparator.comparing(Inference::value)).orElse(written);
    }

    /** The statements of the tumour's extent in the pathology reports, for a site whose T they give. */
    private List<TByExtent.StatedExtent> statedExtents(String siteCategory, List<PathologyReading> pathology) {
        List<TByExtent.StatedExtent> extents = new ArrayList<>();
        if (!tByExtent.covers(siteCategory)) {
            return extents;
        }
        for (PathologyReading reading : pathology) {
            String text = reading.normalized().text();
            for (TByExtent.Finding finding : tByExtent.find(siteCategory, text)) {
                double weight = reading.sections().at(finding.start()).weight * Context.assertion(text, finding.start());
                if (weight > 0) {
                    extents.add(new TByExtent.StatedExtent(finding.category(), weight,
                            evidence(reading.document(), reading.normalized(), finding.start(), finding.end())));
                }
            }
        }
        return extents;
    }

    /**
     * Finds the mentions and tumour sizes of one document and locates them in its submitted text; the
     * finders of the types no other rule needs (dates, oncogate's own) run only when they are requested.
     * All it finds goes into {@code reading}.
     */
    private void read(PatientDocument document, int documentOrder, Set<InferenceType> requested, PatientReading reading) {
        List<Located> found = reading.found();
        String submitted = document.text();
        NormalizedText normalized = NormalizedText.of(submitted);
        String text = normalized.text();
        List<Token> tokens = Token.of(text);
        List<Mention> mentions = new ArrayList<>(tnm.find(text, document.clinicalType()));
        mentions.addAll(lymphNodes.find(text, document.clinicalType()));
        List<Mention> histologies = histology.find(text, tokens);
        mentions.addAll(histologies);
        List<Mention> sites = site.find(text, tokens, histologies);
        mentions.addAll(sites);
        if (requested.contains(InferenceType.DIAGNOSIS_DATE)) {
            mentions.addAll(diagnosisDates.find(text));
        }
        if (requested.contains(InferenceType.TUMOR_LATERALITY)) {
            mentions.addAll(laterality.find(text, sites));
        }
        if (requested.contains(InferenceType.TUMOR_GRADE)) {
            mentions.addAll(grades.find(text));
        }
        mentions.sort(Comparator.comparingInt(Mention::start));
        Sections sections = Sections.of(text);
        double documentWeight = document.clinicalType() == ClinicalType.PATHOLOGY_REPORT ? 1 : Confidence.NOT_PATHOLOGY;
        int firstOfDocument = found.size();
        for (Mention statement : mentions) {
            double factor = documentWeight * sections.at(statement.start()).weight * Context.assertion(text, statement.start());
            if (factor == 0) {
                continue;
            }
            Mention mention = statement.weighted(factor);
            found.add(new Located(mention, evidence(document, normalized, mention.start(), mention.end()), found.size(),
                    documentOrder));
        }
        reading.secondPrimary().read(text, found.subList(firstOfDocument, found.size()));
        if (document.clinicalType() == ClinicalType.PATHOLOGY_REPORT) {
            reading.pathology().add(new PathologyReading(document, normalized, sections));
            stated(sizes.find(text), document, normalized, sections, reading.statedSizes());
            stated(thicknesses.find(text), document, normalized, sections, reading.statedThicknesses());
        }
    }

    /** The measures (sizes, thicknesses) a section and context let count, located in the submitted text. */
    private static void stated(List<TumourSizeFinder.Size> measures, PatientDocument document, NormalizedText normalized,
                               Sections sections, List<TBySize.StatedSize> out) {
        String text = normalized.text();
        for (TumourSizeFinder.Size measure : measures) {
            double weight = sections.at(measure.start()).weight * Context.assertion(text, measure.start());
            if (weight > 0) {
                out.add(new TBySize.StatedSize(measure.centimetres(), weight,
                        evidence(document, normalized, measure.start(), measure.end())));
            }
        }
    }

    /** The evidence for [start, end) of the normalized text: the same words in the submitted text. */
    private static ClinicalNoteEvidence evidence(PatientDocument document, NormalizedText normalized, int start, int end) {
        Span span = normalized.toSubmitted(start, end);
        return new ClinicalNoteEvidence(document.id(), document.text().substring(span.offset(), span.end()),
                span.offset(), span.length());
    }

    /** Lines of {@code code <TAB> level}. */
    private static Map<String, Integer> genericLevels(List<String> lines) {
        return lines.stream().map(l -> l.split("\t")).collect(Collectors.toMap(c -> c[0], c -> Integer.parseInt(c[1].strip())));
    }

    private static List<String> dataLines(String resource) {
        try (InputStream in = RulesEngine.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("rules data not on classpath: " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules data " + resource, e);
        }
    }
}
