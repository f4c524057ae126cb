package org.oncogate.inference.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oncogate.job.InferenceType;

/**
 * Finds histology: explicit ICD-O-3 morphology codes ({@code 8140/3}, {@code M 8255/3}) and morphology
 * lexicon terms. Negated statements are dropped. The rank puts malignant before in situ before other
 * behaviours, and a specific morphology before a generic one ("malignant neoplasm" before "carcinoma", listed
 * with their levels in {@code lexicon/generic-morphology.txt}), so that a report naming "invasive ductal carcinoma"
 * once and "carcinoma" ten times is read as ductal carcinoma. A qualifier a few words after a term names its
 * subtype ("renal cell carcinoma, conventional type", {@link Subtypes}).
 */
final class HistologyFinder {

    private static final Pattern CODE = Pattern.compile(
            "(?<![A-Za-z0-9/.,])(?:M\\s?-?\\s?)?(?<code>[89]\\d{3})\\s?/\\s?(?<behaviour>[012369])(?![0-9/])");
    /** A {@link #CODE} match holds a "/" at most this far after its start and ends at most {@link #AFTER_SLASH} after it. */
    private static final int SLASH_REACH = 9;
    private static final int AFTER_SLASH = 3;

    /**
     * An adenocarcinoma followed by two or more growth patterns is one with mixed subtypes (ICD-O-3 8255):
     * "adenocarcinoma with acinar, micropapillary and bronchioloalveolar components".
     */
    private static final String ADENOCARCINOMA = "8140/3";
    private static final String MIXED_SUBTYPES = "8255/3";
    private static final Pattern GROWTH_PATTERN = Pattern.compile(
            "(?i)\\b(?:acinar|papillary|micropapillary|solid|lepidic|bronchioloalveolar|bronchioalveolar)\\b");
    private static final int PATTERN_REACH = 150;

    /**
     * "In situ" written after a malignant term makes it the in situ form of the same morphology (the ICD-O-3 behaviour
     * code matrix): "papillary carcinoma in-situ" is no invasive papillary carcinoma.
     */
    private static final Pattern IN_SITU_AFTER = Pattern.compile("(?i)\\s?[,-]?\\s?in[\\s-]?situ\\b");
    private static final int IN_SITU_REACH = 12;

    private final Lexicon lexicon;
    private final PhraseMatcher matcher;
    /** Specificity below which a code is not generic: listed codes have 0, 1 or 2. */
    private static final int SPECIFIC = 3;

    /**
     * The level of an explicit code: above any term of its behaviour, so that the code a pathologist writes
     * ("(8070/3)") is neither outranked by nor yields to a subtype term elsewhere in the report.
     */
    private static final int EXPLICIT = SPECIFIC + 1;
    /**
     * A word that makes the term after it another kind: "non-keratinising squamous cell carcinoma" is not keratinising.
     * Numbered in the vocabulary whether or not a lexicon term holds it.
     */
    private static final int NOT_A_KIND = Vocabulary.add("non");

    private final Map<String, Integer> generic;
    private final Subtypes subtypes;

    HistologyFinder(Lexicon lexicon, Map<String, Integer> generic, Subtypes subtypes) {
        this.lexicon = lexicon;
        this.matcher = new PhraseMatcher(lexicon);
        this.generic = Map.copyOf(generic);
        this.subtypes = subtypes;
    }

    List<Mention> find(String text, List<Token> tokens) {
        List<Mention> mentions = new ArrayList<>();
        Regions.around(text, "/", i -> true, SLASH_REACH, AFTER_SLASH).forEachMatch(text, CODE, code -> {
            String morphology = code.group("code") + "/" + code.group("behaviour");
            String description = lexicon.find(morphology).map(LexiconEntry::description).orElse(null);
            mentions.add(mention(morphology, description, Confidence.EXPLICIT_CODE, EXPLICIT, code.start(), code.end()));
        });
        List<PhraseMatcher.Match> matches = matcher.find(tokens);
        Matcher inSitu = IN_SITU_AFTER.matcher(text);
        int next = 0;
        for (int k = 0; k < matches.size(); k++) {
            PhraseMatcher.Match match = matches.get(k);
            next = nextToken(tokens, match.start(), next);
            if (!(next > 0 && tokens.get(next - 1).word() == NOT_A_KIND) && !Context.negated(text, match.start(), match.end())) {
                LexiconEntry entry = match.entry();
                double confidence = Confidence.term(match);
                if (entry.code().endsWith("/3")
                        && inSitu.region(match.end(), Math.min(text.length(), match.end() + IN_SITU_REACH)).lookingAt()) {
                    String code = entry.code().substring(0, 4) + "/2";
                    String description = lexicon.find(code).map(LexiconEntry::description).orElse(entry.description() + ", in situ");
                    mentions.add(mention(code, description, confidence, match.start(), inSitu.end()));
                    continue;
                }
                mentions.add(mention(entry.code(), entry.description(), confidence, match.start(), match.end()));
                next = nextToken(tokens, match.end(), next);
                int limit = k + 1 < matches.size() ? matches.get(k + 1).start() : text.length();
                qualified(entry.code(), wordsBefore(tokens, next, limit), confidence, match.start()).ifPresent(mentions::add);
                if (entry.code().equals(ADENOCARCINOMA) && mixedPatterns(text, match.end())) {
                    mentions.add(mention(MIXED_SUBTYPES, lexicon.find(MIXED_SUBTYPES).map(LexiconEntry::description).orElse(null),
                            Confidence.term(match.words() + 2), match.start(), match.end()));
                }
            }
        }
        return mentions;
    }

    /**
     * The subtype a qualifier among {@code words} names for a mention of {@code morphology} starting at {@code start}:
     * with the parent's behaviour and confidence, its evidence from the parent to the qualifier.
     */
    private Optional<Mention> qualified(String morphology, List<Token> words, double confidence, int start) {
        return subtypes.qualifier(morphology.substring(0, 4), words).map(q -> {
            String subtype = q.entry().code() + morphology.substring(4);
            return mention(subtype, lexicon.find(subtype).map(LexiconEntry::description).orElse(null), confidence, start, q.end());
        });
    }

    /** The index of the first token starting at or after {@code offset}, searching from {@code from}. */
    private static int nextToken(List<Token> tokens, int offset, int from) {
        int i = from;
        while (i < tokens.size() && tokens.get(i).start() < offset) {
            i++;
        }
        return i;
    }

    /** At most {@link Subtypes#QUALIFIER_REACH} tokens from {@code from}, those ending before {@code limit}. */
    private static List<Token> wordsBefore(List<Token> tokens, int from, int limit) {
        int to = from;
        while (to < tokens.size() && to - from < Subtypes.QUALIFIER_REACH && tokens.get(to).end() <= limit) {
            to++;
        }
        return tokens.subList(from, to);
    }

    /** Whether at least two growth patterns are named right after an adenocarcinoma ("with acinar and papillary components"). */
    private static boolean mixedPatterns(String text, int end) {
        Matcher m = GROWTH_PATTERN.matcher(text).region(end, Math.min(text.length(), end + PATTERN_REACH));
        Set<String> named = new HashSet<>();
        while (m.find()) {
            named.add(m.group().toLowerCase(Locale.ROOT));
        }
        return named.size() >= 2;
    }

    private Mention mention(String morphology, String description, double confidence, int start, int end) {
        return mention(morphology, description, confidence, generic.getOrDefault(morphology.substring(0, 4), SPECIFIC), start, end);
    }

    /** A mention whose rank within its behaviour is {@code level}: 0 to {@link #SPECIFIC}, or {@link #EXPLICIT}. */
    private Mention mention(String morphology, String description, double confidence, int level, int start, int end) {
        String histology = morphology.substring(0, 4);
        int behaviour = Character.digit(morphology.charAt(5), 10);
        boolean malignant = behaviour == 3 || behaviour == 6 || behaviour == 9;
        int behaviourRank = malignant ? 2 : behaviour == 2 ? 1 : 0;
        int rank = behaviourRank * (EXPLICIT + 1) + level;
        return new Mention(InferenceType.HISTOLOGY, histology, description, confidence, start, end, rank, 0, malignant);
    }
}
