package org.oncogate.intake.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * What a rest-hook notification asks the gateway to take: the documents it carries (full resource)
 * or names (id-only, read back from the source), those changed recently (an empty ping: searched on
 * the source), or nothing (a handshake or heartbeat). Forms understood, for FHIR R4:
 * <ul>
 *   <li>a DocumentReference or DiagnosticReport in the body (POST to the source path or to
 *       {@code /Type}, PUT to {@code /Type/id}), or a Bundle of them;</li>
 *   <li>an empty body: PUT or POST to {@code /Type/id} names that resource; elsewhere it is a ping;</li>
 *   <li>a Subscriptions R5 Backport notification: a {@code history} Bundle whose first entry is a
 *       {@code Parameters} subscription status; its {@code type} handshake, heartbeat or
 *       query-status asks for nothing, event-notification and query-event for each
 *       {@code notification-event.focus}: the entry holding it (full-resource) or, absent, a read.</li>
 * </ul>
 *
 * @param kind  what the notification is
 * @param foci  its documents: each a resource, or a reference to read back
 */
record Notification(Kind kind, List<Focus> foci) {

    enum Kind { DOCUMENTS, PING, STATUS_ONLY }

    /** One document of a notification: the resource itself, or its reference ({@code Type/id[/_history/v]}). */
    record Focus(Resource resource, String type, String reference) {

        static Focus of(Resource resource) {
            return new Focus(resource, resource.fhirType(), null);
        }

        static Focus read(String type, String reference) {
            return new Focus(null, type, reference);
        }

        @Override
        public String toString() {
            return "Focus[" + type + (reference == null ? "" : " " + reference) + "]";
        }
    }

    static final String BACKPORT_STATUS = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription-status-r4";

    /**
     * @param pathType the resource type in the path ({@code /Type[/id]}), or null
     * @param pathId   the id in the path, or null
     * @param body     the parsed body, or null when it was empty
     */
    static Notification of(String pathType, String pathId, IBaseResource body) throws FhirRefusal {
        if (body == null) {
            return pathType != null && pathId != null
                    ? new Notification(Kind.DOCUMENTS, List.of(Focus.read(supported(pathType), pathType + "/" + pathId)))
                    : new Notification(Kind.PING, List.of());
        }
        if (body instanceof Bundle bundle) {
            return isBackport(bundle) ? backport(bundle) : new Notification(Kind.DOCUMENTS, entries(bundle));
        }
        Resource resource = (Resource) body;
        supported(resource.fhirType());
        if (pathId != null && !resource.getIdElement().hasIdPart()) {
            resource.setId(pathId);
        }
        return new Notification(Kind.DOCUMENTS, List.of(Focus.of(resource)));
    }

    /** The documents of an empty ping: those the source changed since {@code since}, per supported type. */
    static Notification changedSince(Instant since, ResourceReader reader) throws FhirRefusal {
        List<Focus> foci = new ArrayList<>();
        for (String type : FhirDocumentMapper.TYPES.stream().sorted().toList()) {
            for (Bundle.BundleEntryComponent entry : reader.search(type + "?_lastUpdated=ge" + since + "&_count=100")
                    .getEntry()) {
                if (entry.getResource() != null && entry.getResource().fhirType().equals(type)) {
                    foci.add(Focus.of(entry.getResource()));
                }
            }
        }
        return new Notification(Kind.PING, foci);
    }

    private static boolean isBackport(Bundle bundle) {
        return bundle.getType() == Bundle.BundleType.HISTORY && bundle.hasEntry()
                && bundle.getEntryFirstRep().getResource() instanceof Parameters;
    }

    private static Notification backport(Bundle bundle) throws FhirRefusal {
        Parameters status = (Parameters) bundle.getEntryFirstRep().getResource();
        String type = status.getParameter().stream().filter(p -> "type".equals(p.getName())).findFirst()
                // not Parameters.getParameter(name), which fails on a parameter without a name
                .map(p -> p.getValue()).map(v -> v.primitiveValue())
                .orElseThrow(() -> new FhirRefusal(FhirRefusal.Reason.UNPROCESSABLE, "MissingNotificationType",
                        "the subscription status has no type parameter", "Bundle.entry[0].resource.parameter"));
        switch (type) {
            case "handshake", "heartbeat", "query-status":
                return new Notification(Kind.STATUS_ONLY, List.of());
            case "event-notification", "query-event":
                break;
            default:
                throw new FhirRefusal(FhirRefusal.Reason.UNPROCESSABLE, "UnsupportedNotificationType",
                        "the subscription status type is not handshake, heartbeat, query-status, "
                                + "event-notification or query-event", "Bundle.entry[0].resource.parameter");
        }
        List<Focus> foci = new ArrayList<>();
        for (Parameters.ParametersParameterComponent event : status.getParameter()) {
            if (!"notification-event".equals(event.getName())) {
                continue;
            }
            for (Parameters.ParametersParameterComponent part : event.getPart()) {
                if ("focus".equals(part.getName()) && part.getValue() instanceof Reference focus) {
                    foci.add(focus(bundle, focus.getReferenceElement()));
                }
            }
        }
        return new Notification(Kind.DOCUMENTS, foci);
    }

    /** The entry holding the focus resource (full-resource), else a read of its reference (id-only). */
    private static Focus focus(Bundle bundle, IIdType reference) throws FhirRefusal {
        String type = supported(reference.getResourceType());
        for (Bundle.BundleEntryComponent entry : bundle.getEntry().subList(1, bundle.getEntry().size())) {
            if (entry.hasResource() && entry.getResource().fhirType().equals(type)
                    && reference.getIdPart().equals(idOf(entry).getIdPart())) {
                return Focus.of(entry.getResource());
            }
        }
        return Focus.read(type, reference.getValue());
    }

    private static List<Focus> entries(Bundle bundle) throws FhirRefusal {
        List<Focus> foci = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (!entry.hasResource()) {
                continue;
            }
            Resource resource = entry.getResource();
            supported(resource.fhirType());
            if (!resource.getIdElement().hasIdPart() && idOf(entry).hasIdPart()) {
                resource.setIdElement(idOf(entry));
            }
            foci.add(Focus.of(resource));
        }
        return foci;
    }

    private static IdType idOf(Bundle.BundleEntryComponent entry) {
        return entry.getResource() != null && entry.getResource().getIdElement().hasIdPart()
                ? entry.getResource().getIdElement() : new IdType(entry.getFullUrl());
    }

    private static String supported(String type) throws FhirRefusal {
        if (type == null || !FhirDocumentMapper.TYPES.contains(type)) {
            throw FhirDocumentMapper.unsupported(type == null ? "an untyped reference" : type);
        }
        return type;
    }
}
