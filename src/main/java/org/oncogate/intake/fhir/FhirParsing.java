package org.oncogate.intake.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.oncogate.text.TextDecoder;
import org.oncogate.text.UndecodableTextException;

/**
 * The process's one {@link FhirContext} (R4; expensive and thread-safe) and what the FHIR channel
 * reads and writes with it. JSON is the default; XML is screened by {@link SafeXml} first. The
 * parsers never log (HAPI's lenient handler would log offending values, which may be patient data),
 * and parse errors are answered with their line and column only, never HAPI's message (which quotes
 * the input).
 */
public final class FhirParsing {

    private static final Pattern LINE_COLUMN = Pattern.compile("line: (\\d+), column: (\\d+)");

    private final FhirContext context;

    public FhirParsing() {
        context = FhirContext.forR4();
        context.setParserErrorHandler(new LenientErrorHandler(false));
        context.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    }

    public FhirContext context() {
        return context;
    }

    /** The media types read: FHIR JSON (default) and XML. */
    enum Format { JSON, XML }

    static Format format(String contentType) throws FhirRefusal {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return switch (type) {
            case "", "application/fhir+json", "application/json", "application/json+fhir" -> Format.JSON;
            case "application/fhir+xml", "application/xml", "text/xml", "application/xml+fhir" -> Format.XML;
            default -> throw new FhirRefusal(FhirRefusal.Reason.UNSUPPORTED_MEDIA_TYPE, "UnsupportedMediaType",
                    "the body must be application/fhir+json or application/fhir+xml", "Content-Type");
        };
    }

    /** Parses a notification body (not empty) as one FHIR R4 resource. */
    IBaseResource parse(byte[] body, Format format) throws FhirRefusal {
        String text;
        try {
            text = TextDecoder.decode(body);
        } catch (UndecodableTextException e) {
            throw new FhirRefusal(FhirRefusal.Reason.MALFORMED, "InvalidEncoding", "the body is not valid UTF-8",
                    "byte " + e.byteOffset());
        }
        if (format == Format.XML) {
            SafeXml.screen(body);
        }
        IParser parser = format == Format.XML ? context.newXmlParser() : context.newJsonParser();
        try {
            return parser.parseResource(text);
        } catch (DataFormatException | IllegalArgumentException e) {
            Matcher at = LINE_COLUMN.matcher(String.valueOf(e.getMessage()));
            String message = String.valueOf(e.getMessage());
            boolean unknownType = message.contains("Unknown resource name") || message.contains("unknown resource type");
            throw new FhirRefusal(FhirRefusal.Reason.MALFORMED,
                    unknownType ? "UnknownResourceType" : format == Format.XML ? "MalformedXml" : "MalformedJson",
                    unknownType ? "the body names no FHIR R4 resource type"
                            : "the body is not a FHIR R4 resource in " + format.name(),
                    at.find() ? "line " + at.group(1) + ", column " + at.group(2) : null);
        } catch (RuntimeException e) {
            // HAPI's parser fails with runtime errors on some hostile input (a bundle entry it cannot
            // stitch): as permanent as a syntax error, so a refusal, never a 500 that invites a resend
            throw new FhirRefusal(FhirRefusal.Reason.MALFORMED, format == Format.XML ? "MalformedXml" : "MalformedJson",
                    "the body is not a FHIR R4 resource in " + format.name(), null);
        }
    }

    byte[] json(IBaseResource resource) {
        return context.newJsonParser().encodeResourceToString(resource).getBytes(StandardCharsets.UTF_8);
    }

    /** An {@code OperationOutcome} with one issue. */
    static OperationOutcome outcome(OperationOutcome.IssueSeverity severity, String issueType, String code,
                                    String message, String location) {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(severity)
                .setCode(OperationOutcome.IssueType.fromCode(issueType))
                .setDiagnostics(code + ": " + message);
        issue.getDetails().addCoding().setSystem("urn:oncogate:fhir-refusal").setCode(code);
        issue.getDetails().setText(message);
        if (location != null) {
            issue.addExpression(location);
        }
        return outcome;
    }
}
