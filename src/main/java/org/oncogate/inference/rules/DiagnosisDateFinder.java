package org.oncogate.inference.rules;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oncogate.job.InferenceType;

/**
 * Finds the date of diagnosis where a report labels it: "Date of diagnosis: 2021-03-04", "diagnosed on
 * 03/04/2021", and in a pathology report the specimen's date ("Date of procedure", "Collected:",
 * "Surgery date"), which is the date of a histological diagnosis. Dates are ISO (2021-03-04), US
 * month/day/year (03/04/2021) or with the month's name (4 March 2021, March 4, 2021); a date that does
 * not exist is not read. The value is ISO-8601 ({@code 2021-03-04}). An explicit diagnosis label
 * outranks a specimen date; among equals the engine prefers the most repeated, then the latest document.
 */
final class DiagnosisDateFinder {

    private static final String MONTH = "(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String DATE = "(?:(?<iy>\\d{4})-(?<im>\\d{2})-(?<id>\\d{2})"
            + "|(?<um>\\d{1,2})/(?<ud>\\d{1,2})/(?<uy>\\d{4})"
            + "|(?<nd>\\d{1,2})\\s+" + MONTH.replace("month", "nm") + ",?\\s+(?<ny>\\d{4})"
            + "|" + MONTH + "\\s+(?<md>\\d{1,2}),?\\s+(?<my>\\d{4}))";
    private static final Pattern LABELLED = Pattern.compile("(?i)\\b(?:(?<diagnosis>date\\s+of\\s+(?:initial\\s+)?diagnosis"
            + "|diagnosis\\s+date|diagnosed\\s+(?:on|in))"
            + "|(?:date\\s+of\\s+(?:procedure|surgery|operation|collection|biopsy)|(?:procedure|surgery|collection|biopsy)\\s+date"
            + "|collected(?:\\s+on)?|specimen\\s+(?:collected|date)))\\s*[:\\-]?\\s*(?:on\\s+)?" + DATE + "(?![0-9])");
    private static final int DIAGNOSIS_RANK = 1;
    /** The longest label and the longest date before its year ("date of initial diagnosis: September 30, "). */
    private static final int LABEL_REACH = 70;
    /** The longest date after the start of its year ("2021-03-04"). */
    private static final int AFTER_YEAR = 10;

    List<Mention> find(String text) {
        List<Mention> mentions = new ArrayList<>();
        int searched = 0;
        for (int year = nextYear(text, 0); year >= 0; year = nextYear(text, year + 4)) {
            // every date form ends within a few characters after its year or starts with it: the label and
            // date lie in a short window around the year, so the pattern never scans the whole text
            int from = Math.max(searched, year - LABEL_REACH);
            int to = Math.min(text.length(), year + AFTER_YEAR);
            if (from >= to) {
                continue;
            }
            Matcher m = LABELLED.matcher(text).region(from, to).useTransparentBounds(true);
            while (m.find()) {
                searched = m.end();
                LocalDate date = date(m);
                if (date != null) {
                    boolean diagnosis = m.group("diagnosis") != null;
                    mentions.add(new Mention(InferenceType.DIAGNOSIS_DATE, date.toString(), null,
                            diagnosis ? Confidence.TNM_OWN_PREFIX : Confidence.TNM_DOCUMENT_TYPE, m.start(), m.end(),
                            diagnosis ? DIAGNOSIS_RANK : 0, 0, false));
                }
            }
        }
        return mentions;
    }

    /** Where the next four digits 1900 to 2199 standing alone start, from {@code from}, or -1: every date form needs its year. */
    private static int nextYear(String text, int from) {
        for (int i = from; i + 4 <= text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '1' || c == '2') && (i == 0 || !Character.isDigit(text.charAt(i - 1)))
                    && Character.isDigit(text.charAt(i + 1)) && Character.isDigit(text.charAt(i + 2))
                    && Character.isDigit(text.charAt(i + 3)) && (i + 4 == text.length() || !Character.isDigit(text.charAt(i + 4)))) {
                int century = (c - '0') * 10 + (text.charAt(i + 1) - '0');
                if (century >= 19 && century <= 21) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static LocalDate date(Matcher m) {
        try {
            if (m.group("iy") != null) {
                return LocalDate.of(year(m.group("iy")), number(m.group("im")), number(m.group("id")));
            }
            if (m.group("uy") != null) {
                return LocalDate.of(year(m.group("uy")), number(m.group("um")), number(m.group("ud")));
            }
            if (m.group("ny") != null) {
                return LocalDate.of(year(m.group("ny")), month(m.group("nm")), number(m.group("nd")));
            }
            return LocalDate.of(year(m.group("my")), month(m.group("month")), number(m.group("md")));
        } catch (DateTimeException notADate) {
            return null;
        }
    }

    private static int year(String written) {
        int year = Integer.parseInt(written);
        if (year < 1900 || year > 2199) {
            throw new DateTimeException("not a diagnosis year");
        }
        return year;
    }

    private static int number(String written) {
        return Integer.parseInt(written);
    }

    private static Month month(String written) {
        String prefix = written.substring(0, 3).toLowerCase(Locale.ROOT);
        for (Month month : Month.values()) {
            if (month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT).equals(prefix)) {
                return month;
            }
        }
        throw new DateTimeException("not a month");
    }
}
