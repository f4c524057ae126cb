package org.oncogate.inference.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.DocumentContent;
import org.oncogate.job.PatientDocument;
import org.oncogate.job.PatientRecord;

/**
 * One line of a labelled file (the format of {@code ../shared/eval/tcga-dev.jsonl}): a report text,
 * its labels per attribute (null when unknown) and the attributes whose label the text states.
 * Holds patient text, so {@link #toString()} shows only the id.
 */
record LabelledReport(String id, String text, Map<Attribute, String> labels, Set<Attribute> stated) {

    LabelledReport {
        if (id == null || text == null) {
            throw new IllegalArgumentException("a labelled report needs an id and a text");
        }
        labels = Map.copyOf(labels);
        stated = stated.isEmpty() ? Set.of() : Set.copyOf(stated);
    }

    static LabelledReport of(JsonNode row) {
        Map<Attribute, String> labels = new EnumMap<>(Attribute.class);
        Set<Attribute> stated = EnumSet.noneOf(Attribute.class);
        for (Attribute attribute : Attribute.values()) {
            JsonNode label = row.get(attribute.labelField);
            if (label != null && !label.isNull()) {
                labels.put(attribute, attribute.keyOf(label.asText()));
            }
            if (attribute.statedField != null && row.path("stated_in_text").path(attribute.statedField).asBoolean(false)) {
                stated.add(attribute);
            }
        }
        return new LabelledReport(row.path("id").asText(null), row.path("text").asText(null), labels, stated);
    }

    String label(Attribute attribute) {
        return labels.get(attribute);
    }

    /** The report as a patient with one pathology report, as the engine reads it. */
    PatientRecord patient() {
        PatientDocument report = new PatientDocument(PatientDocument.NOTE, ClinicalType.PATHOLOGY_REPORT, id, "en",
                "2024-01-01T00:00:00Z", DocumentContent.inline(text));
        return new PatientRecord(id, null, List.of(report));
    }

    @Override
    public String toString() {
        return "LabelledReport[id=" + id + "]";
    }
}
