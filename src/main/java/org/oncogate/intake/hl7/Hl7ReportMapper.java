package org.oncogate.intake.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.v26.datatype.EI;
import ca.uhn.hl7v2.model.v26.group.MDM_T02_OBSERVATION;
import ca.uhn.hl7v2.model.v26.group.ORU_R01_OBSERVATION;
import ca.uhn.hl7v2.model.v26.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v26.group.ORU_R01_PATIENT_RESULT;
import ca.uhn.hl7v2.model.v26.message.MDM_T02;
import ca.uhn.hl7v2.model.v26.message.ORU_R01;
import ca.uhn.hl7v2.model.v26.segment.MSH;
import ca.uhn.hl7v2.model.v26.segment.OBR;
import ca.uhn.hl7v2.model.v26.segment.PID;
import ca.uhn.hl7v2.model.v26.segment.TXA;
import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.util.Terser;
import java.nio.charset.Charset;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.ClinicalTypeTable;

/**
 * Maps a parsed ORU^R01 or MDM^T02/T04/T06/T08 (all in the v2.6 structures, see {@link Hl7Parsing})
 * to an {@link Hl7Report}. Anything the gateway cannot use is an {@link Hl7RejectException}; checks
 * run in header-first order (MSH-10, MSH-3, MSH-4, MSH-9, MSH-18, PID-3, report text, dates).
 * Thread-safe.
 */
public final class Hl7ReportMapper {

    private static final Set<String> SUPPORTED_TYPES = Set.of("ORU^R01", "MDM^T02", "MDM^T04", "MDM^T06", "MDM^T08");

    private final ClinicalTypeTable table;
    private final ClinicalType defaultType;

    public Hl7ReportMapper(ClinicalTypeTable table, ClinicalType defaultType) {
        this.table = Objects.requireNonNull(table, "table");
        this.defaultType = Objects.requireNonNull(defaultType, "defaultType");
    }

    public Hl7Report map(Message message) throws Hl7RejectException {
        try {
            Header header = header(message);
            if (message instanceof ORU_R01 oru && header.type().equals("ORU^R01")) {
                return fromOru(header, oru);
            }
            if (message instanceof MDM_T02 mdm && header.type().startsWith("MDM^")) {
                return fromMdm(header, mdm);
            }
            throw unsupportedType();
        } catch (HL7Exception e) {
            throw new Hl7RejectException("UnparseableMessage", "a field the gateway needs cannot be read", "MSH");
        }
    }

    /** What every supported message has in MSH, with the delimiters and charset its text is read with. */
    private record Header(String sender, String controlId, String type, EncodingCharacters delimiters,
                          Charset charset) {

        ReportText newText() {
            return new ReportText(delimiters, charset);
        }
    }

    private Header header(Message message) throws HL7Exception, Hl7RejectException {
        if (!(message.get("MSH") instanceof MSH msh)) {
            throw new Hl7RejectException("UnparseableMessage", "the message has no v2.6 MSH segment", "MSH");
        }
        String controlId = require(msh.getMessageControlID().getValue(), "MissingControlId", "MSH-10");
        String application = require(msh.getSendingApplication().getNamespaceID().getValue(), "MissingSender", "MSH-3");
        String facility = require(msh.getSendingFacility().getNamespaceID().getValue(), "MissingSender", "MSH-4");
        String type = trim(msh.getMessageType().getMessageCode().getValue()) + "^"
                + trim(msh.getMessageType().getTriggerEvent().getValue());
        if (!SUPPORTED_TYPES.contains(type)) {
            throw unsupportedType();
        }
        String charset = msh.getCharacterSetReps() == 0 ? null : msh.getCharacterSet(0).getValue();
        return new Header(application + "^" + facility, controlId, type, EncodingCharacters.getInstance(message),
                Hl7Charsets.forName(charset));
    }

    private Hl7Report fromOru(Header header, ORU_R01 oru) throws HL7Exception, Hl7RejectException {
        if (oru.getPATIENT_RESULTReps() > 1) {
            throw new Hl7RejectException("MultiplePatients",
                    "an ORU^R01 must carry the report of one patient (one PID)", "PID");
        }
        ORU_R01_PATIENT_RESULT result = oru.getPATIENT_RESULT();
        String patientId = patientId(result.getPATIENT().getPID());
        ReportText text = header.newText();
        for (ORU_R01_ORDER_OBSERVATION order : result.getORDER_OBSERVATIONAll()) {
            for (ORU_R01_OBSERVATION observation : order.getOBSERVATIONAll()) {
                text.add(observation.getOBX());
            }
        }
        OBR obr = result.getORDER_OBSERVATION().getOBR(); // the first order names the document
        return new Hl7Report(header.sender(), header.controlId(), header.type(), patientId,
                documentId(null, obr, header.controlId()), clinicalType(obr, 4),
                Hl7DateTime.toIso(obr.getObservationDateTime(), "OBR-7"), text.text());
    }

    private Hl7Report fromMdm(Header header, MDM_T02 mdm) throws HL7Exception, Hl7RejectException {
        String patientId = patientId(mdm.getPID());
        ReportText text = header.newText();
        for (MDM_T02_OBSERVATION observation : mdm.getOBSERVATIONAll()) {
            text.add(observation.getOBX());
        }
        TXA txa = mdm.getTXA();
        OBR obr = mdm.getCOMMON_ORDERReps() == 0 ? null : mdm.getCOMMON_ORDER().getOBR();
        return new Hl7Report(header.sender(), header.controlId(), header.type(), patientId,
                documentId(txa.getUniqueDocumentNumber(), obr, header.controlId()), clinicalType(txa, 2),
                Hl7DateTime.toIso(txa.getActivityDateTime(), "TXA-4"), text.text());
    }

    private static String patientId(PID pid) throws Hl7RejectException {
        String id = pid.getPatientIdentifierListReps() == 0 ? null
                : pid.getPatientIdentifierList(0).getIDNumber().getValue();
        return require(id, "MissingPatientId", "PID-3");
    }

    /** TXA-12, else OBR-3 (filler order number), else OBR-2 (placer order number), else MSH-10. */
    private static String documentId(EI documentNumber, OBR obr, String controlId) {
        return Stream.of(documentNumber, obr == null ? null : obr.getFillerOrderNumber(),
                        obr == null ? null : obr.getPlacerOrderNumber())
                .filter(Objects::nonNull)
                .map(ei -> trim(ei.getEntityIdentifier().getValue()))
                .filter(id -> !id.isEmpty())
                .findFirst()
                .orElse(controlId);
    }

    /** The coded field's identifier (CWE.1 in CWE.3), else its alternate (CWE.4 in CWE.6), else the default. */
    private ClinicalType clinicalType(Segment segment, int field) throws HL7Exception {
        return table.find(Terser.get(segment, field, 0, 3, 1), Terser.get(segment, field, 0, 1, 1))
                .or(() -> table.find(alternate(segment, field, 6), alternate(segment, field, 4)))
                .orElse(defaultType);
    }

    private static String alternate(Segment segment, int field, int component) {
        try {
            return Terser.get(segment, field, 0, component, 1);
        } catch (HL7Exception e) {
            return null; // a field without that component simply has no alternate code
        }
    }

    private static String require(String value, String code, String location) throws Hl7RejectException {
        if (value == null || value.isBlank()) {
            throw new Hl7RejectException(code, location + " is required and empty", location);
        }
        return value.trim();
    }

    private static Hl7RejectException unsupportedType() {
        return new Hl7RejectException("UnsupportedMessageType",
                "only ORU^R01 and MDM^T02, T04, T06 and T08 are accepted", "MSH-9");
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
