package org.oncogate.intake.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.primitive.TSComponentOne;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An HL7 DTM ({@code YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]}) as an ISO-8601 date-time with
 * offset, e.g. {@code 20260112141500+0100} → {@code 2026-01-12T14:15:00+01:00}. HAPI reads the
 * components. A value without an offset is taken as UTC ({@code Z}): HL7 would have it in the
 * sender's local time, which the gateway cannot know. Missing month and day are the first, a missing
 * time is midnight, and fractions are kept to the millisecond.
 */
final class Hl7DateTime {

    private static final int NO_OFFSET = -99; // what HAPI returns when the value has no offset

    private Hl7DateTime() {
    }

    /** The ISO-8601 form of {@code value}, null when it is empty; an invalid value is {@code InvalidDateTime}. */
    static String toIso(TSComponentOne value, String location) throws Hl7RejectException {
        try {
            if (value.isEmpty()) {
                return null;
            }
            int offset = value.getGMTOffset();
            ZoneOffset zone = offset == NO_OFFSET ? ZoneOffset.UTC
                    : ZoneOffset.ofHoursMinutes(offset / 100, offset % 100);
            int millis = Math.round(value.getFractSecond() * 1000);
            return OffsetDateTime.of(value.getYear(), Math.max(value.getMonth(), 1), Math.max(value.getDay(), 1),
                            value.getHour(), value.getMinute(), value.getSecond(), Math.min(millis, 999) * 1_000_000, zone)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (HL7Exception | DateTimeException | IllegalArgumentException e) {
            throw new Hl7RejectException("InvalidDateTime", "the field is not a valid HL7 date/time (DTM)", location);
        }
    }
}
