package org.oncogate.job;

/** Scores go on the wire with three decimals: 0.95, not 0.9500000000000001. */
final class Scores {

    private Scores() {
    }

    static double rounded(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
