package org.oncogate.intake.fhir;

import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.ClinicalTypeTable;
import org.oncogate.subscription.SecretHash;
import org.oncogate.text.HtmlText;

/**
 * Maps a {@code DocumentReference} or {@code DiagnosticReport} to a {@link FhirDocument}.
 * <ul>
 *   <li>text: a DocumentReference's {@code content.attachment}; a DiagnosticReport's
 *       {@code presentedForm}, else its narrative, followed by its {@code conclusion} (see
 *       {@link AttachmentText} for which attachment is read and how);</li>
 *   <li>patient: {@code subject}, which must reference a {@code Patient};</li>
 *   <li>clinical type: the first coding of {@code type} (DocumentReference) or {@code code}
 *       (DiagnosticReport), then of {@code category}, found in {@link ClinicalTypeTable};</li>
 *   <li>version: {@code meta.versionId} (or the id's version), else a hash of the text, so that the
 *       job id (source, type, id, version) names one content.</li>
 * </ul>
 * Thread-safe.
 */
public final class FhirDocumentMapper {

    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    static final Set<String> TYPES = Set.of("DocumentReference", "DiagnosticReport");

    private final ClinicalTypeTable table;
    private final ClinicalType defaultType;

    public FhirDocumentMapper(ClinicalTypeTable table, ClinicalType defaultType) {
        this.table = Objects.requireNonNull(table, "table");
        this.defaultType = Objects.requireNonNull(defaultType, "defaultType");
    }

    FhirDocument map(Resource resource, ResourceReader reader) throws FhirRefusal {
        if (resource instanceof DocumentReference document) {
            String text = AttachmentText.of(document.getContent().stream()
                    .map(DocumentReference.DocumentReferenceContentComponent::getAttachment).toList(), reader);
            return document(document, document.getSubject(), text,
                    Stream.concat(Stream.of(document.getType()), document.getCategory().stream()),
                    document.hasDate() ? document.getDateElement().getValueAsString() : null);
        }
        if (resource instanceof DiagnosticReport report) {
            return document(report, report.getSubject(), reportText(report, reader),
                    Stream.concat(Stream.of(report.getCode()), report.getCategory().stream()),
                    report.hasIssued() ? report.getIssuedElement().getValueAsString()
                            : report.hasEffectiveDateTimeType() ? report.getEffectiveDateTimeType().getValueAsString()
                            : null);
        }
        throw unsupported(resource.fhirType());
    }

    static FhirRefusal unsupported(String type) {
        return new FhirRefusal(FhirRefusal.Reason.UNPROCESSABLE, "UnsupportedResourceType",
                "only DocumentReference and DiagnosticReport resources (or a Bundle of them) are taken, not "
                        + type, "resourceType");
    }

    private FhirDocument document(Resource resource, Reference subject, String text, Stream<CodeableConcept> codes,
                                  String created) throws FhirRefusal {
        String type = resource.fhirType();
        IdType id = resource.getIdElement();
        if (!id.hasIdPart()) {
            throw new FhirRefusal(FhirRefusal.Reason.UNPROCESSABLE, "MissingId", "the " + type + " has no id", "id");
        }
        // ids are logged and name jobs: only FHIR's id form, so that no text can arrive that way
        requireFhirId(id.getIdPart(), type, "id");
        IIdType patient = subject.getReferenceElement();
        if (!"Patient".equals(patient.getResourceType()) || !patient.hasIdPart()) {
            throw new FhirRefusal(FhirRefusal.Reason.UNPROCESSABLE, "MissingPatient",
                    "the " + type + "'s subject must reference a Patient", type + ".subject");
        }
        if (text.isBlank()) {
            throw new FhirRefusal(FhirRefusal.Reason.UNPROCESSABLE, "MissingDocumentText",
                    "the " + type + " holds no text/plain, text/html or RTF attachment, narrative or conclusion",
                    type);
        }
        String version = id.hasVersionIdPart() ? id.getVersionIdPart()
                : resource.getMeta().hasVersionId() ? resource.getMeta().getVersionId()
                : "sha256-" + HexFormat.of().formatHex(SecretHash.sha256(text), 0, 12);
        if (!version.startsWith("sha256-")) {
            requireFhirId(version, type, "meta.versionId");
        }
        return new FhirDocument(type, id.getIdPart(), version, patient.getIdPart(), clinicalType(codes), created, text);
    }

    private static void requireFhirId(String value, String type, String location) throws FhirRefusal {
        if (!FHIR_ID.matcher(value).matches()) {
            throw new FhirRefusal(FhirRefusal.Reason.MALFORMED, "InvalidId",
                    "the " + type + "'s " + location + " is not a FHIR id (1 to 64 of A-Z, a-z, 0-9, '-', '.')", location);
        }
    }

    private ClinicalType clinicalType(Stream<CodeableConcept> codes) {
        return codes.flatMap(concept -> concept.getCoding().stream())
                .map(this::clinicalType)
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(defaultType);
    }

    private Optional<ClinicalType> clinicalType(Coding coding) {
        return table.find(coding.getSystem(), coding.getCode());
    }

    /** The presented form, else the narrative; then the conclusion, unless the text already holds it. */
    private static String reportText(DiagnosticReport report, ResourceReader reader) throws FhirRefusal {
        String text = AttachmentText.of(report.getPresentedForm(), reader);
        if (text.isBlank() && report.hasText() && report.getText().hasDiv()) {
            text = HtmlText.toPlainText(report.getText().getDivAsString());
        }
        String conclusion = report.hasConclusion() ? report.getConclusion().strip() : "";
        if (conclusion.isEmpty() || text.contains(conclusion)) {
            return text;
        }
        return text.isBlank() ? conclusion : text + "\n\n" + conclusion;
    }
}
