package org.oncogate.intake.fhir;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/** Reads resources back from a notifying FHIR server (see {@link FhirSourceClient}). */
interface ResourceReader {

    /** The resource at a reference ({@code Type/id}, {@code Type/id/_history/v} or an absolute URL on the source). */
    Resource read(String resourceType, String reference) throws FhirRefusal;

    /** The first page of a search ({@code Type?params}). */
    Bundle search(String query) throws FhirRefusal;
}
