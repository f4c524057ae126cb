package org.oncogate.testing;

/**
 * A marker that every test input carries, standing in for patient data. It must never appear in
 * logs, metrics, error reports or anything else the gateway emits outside a customer's results.
 */
public final class PhiCanary {

    public static final String MARKER = "PHICANARY7Q3X";

    private PhiCanary() {
    }

    /** A synthetic patient line carrying the canary, to put into any test document. */
    public static String patientLine() {
        return "Patient name: " + MARKER + " Doe, MRN " + MARKER + "-0001.";
    }
}
