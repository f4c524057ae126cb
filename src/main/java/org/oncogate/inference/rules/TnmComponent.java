package org.oncogate.inference.rules;

import java.util.Locale;

/**
 * One written T, N or M category with its optional prefix, as found: {@code pT1b(m)}, {@code N0},
 * {@code pNO}. {@code raw} is the category character(s) after the letter ({@code 1}, {@code is},
 * {@code X}, OCR {@code O} or {@code l}); {@code spaced} whether a space stands between letter and value.
 */
record TnmComponent(char axis, String prefix, boolean prefixSpaced, String raw, boolean spaced, int start, int end) {

    enum Kind { CLINICAL, PATHOLOGIC }

    /** The kind the prefix states, or null without a prefix: p, yp, rp, a are pathologic; c, yc, rc clinical. */
    Kind ownKind() {
        if (prefix == null || prefix.isEmpty()) {
            return null;
        }
        String p = prefix.toLowerCase(Locale.ROOT);
        return p.contains("c") ? Kind.CLINICAL : Kind.PATHOLOGIC;
    }

    /** Whether the value is an OCR letter standing for a digit (O for 0, l or I for 1). */
    boolean ocr() {
        return raw.equalsIgnoreCase("O") || raw.equals("l") || raw.equals("I");
    }

    /** Whether the category is stated but not assessable (TX, NX, MX). */
    boolean unassessable() {
        return raw.equalsIgnoreCase("x");
    }

    /** The Onco-Phenotype value: T0, Tis, T1..T4; N0, N+; M0, M1. Subcategories are dropped. */
    String value() {
        String digit = switch (raw) {
            case "O", "o" -> "0";
            case "l", "I" -> "1";
            default -> raw;
        };
        return switch (axis) {
            case 'T' -> digit.equalsIgnoreCase("is") ? "Tis" : "T" + digit;
            case 'N' -> digit.equals("0") ? "N0" : "N+";
            default -> "M" + digit;
        };
    }

    /** How advanced the value is, to break ties between equally confident statements. */
    int advancement() {
        String value = value();
        return switch (value) {
            case "T0", "N0", "M0" -> 0;
            case "Tis", "N+", "M1" -> 1;
            default -> 1 + Character.digit(value.charAt(1), 10);
        };
    }
}
