package org.oncogate.inference.rules;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oncogate.job.ClinicalNoteEvidence;
import org.oncogate.job.Inference;
import org.oncogate.job.InferenceEvidence;
import org.oncogate.job.InferenceType;

/**
 * The pathologic T read from the tumour's size when no T is written, for the sites of
 * {@code lexicon/t-by-size.tsv} (breast, lung, thyroid): the largest stated size decides, as the AJCC rule
 * for multiple tumours classifies by the largest. Its confidence is {@link Confidence#T_FROM_SIZE} at most.
 */
final class TBySize {

    /** A size statement located in the submitted text, with how much its section and assertion let it count. */
    record StatedSize(double centimetres, double weight, ClinicalNoteEvidence evidence) {
    }

    /** Upper bounds in cm and the T for each, the last T for anything larger. */
    private record Scale(double[] bounds, String[] categories) {

        String category(double centimetres) {
            for (int i = 0; i < bounds.length; i++) {
                if (centimetres <= bounds[i]) {
                    return categories[i];
                }
            }
            return categories[bounds.length];
        }
    }

    private final Map<String, Scale> bySite;

    private TBySize(Map<String, Scale> bySite) {
        this.bySite = Map.copyOf(bySite);
    }

    static TBySize of(List<String> lines) {
        Map<String, Scale> bySite = new HashMap<>();
        for (String line : lines) {
            String[] columns = line.split("\t");
            if (columns.length != 3) {
                throw new IllegalStateException("t-by-size: expected 3 columns in a row");
            }
            double[] bounds = Arrays.stream(columns[1].split(" ")).mapToDouble(Double::parseDouble).toArray();
            String[] categories = columns[2].split(" ");
            if (categories.length != bounds.length + 1) {
                throw new IllegalStateException("t-by-size: a row needs one T more than bounds");
            }
            bySite.put(columns[0], new Scale(bounds, categories));
        }
        return new TBySize(bySite);
    }

    /** The T from the largest size, if the site is one whose T follows from size and any size is stated. */
    Optional<Inference> infer(Inference site, List<StatedSize> sizes) {
        if (site.isNone() || sizes.isEmpty()) {
            return Optional.empty();
        }
        Scale scale = bySite.get(site.value().substring(0, 3));
        if (scale == null) {
            return Optional.empty();
        }
        StatedSize largest = sizes.stream().max(Comparator.comparingDouble(StatedSize::centimetres)).orElseThrow();
        return Optional.of(new Inference(InferenceType.PATHOLOGIC_STAGE_T, scale.category(largest.centimetres()), null,
                Confidence.T_FROM_SIZE * largest.weight(), List.of(new InferenceEvidence(largest.evidence(), 1.0)), null));
    }
}
