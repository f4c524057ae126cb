package org.oncogate.intake.fhir;

/**
 * Where a FHIR job's result goes back: the source it came from and the document it was inferred
 * from ({@code Type/id}), kept as the job origin's reply address {@code <source> <Type>/<id>}.
 */
record FhirReplyTo(String source, String document) {

    String encode() {
        return source + " " + document;
    }

    static FhirReplyTo decode(String replyTo) {
        int space = replyTo.indexOf(' ');
        if (space < 1) {
            throw new IllegalArgumentException("not a FHIR reply address");
        }
        return new FhirReplyTo(replyTo.substring(0, space), replyTo.substring(space + 1));
    }
}
