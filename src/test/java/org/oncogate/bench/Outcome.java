package org.oncogate.bench;

/** How a measured job ended, as the benchmark saw it. */
enum Outcome {
    /** final status succeeded, with a result for the patient */
    SUCCEEDED("succeeded"),
    /** final status succeeded, but no patient result in it */
    SUCCEEDED_WITHOUT_RESULT("succeededWithoutResult"),
    /** final status failed */
    FAILED("failed"),
    /** the submission was not answered with 202 */
    REJECTED("rejected"),
    /** polling was refused for good (a 4xx other than 429) */
    POLL_REFUSED("pollRefused"),
    /** not final within the job timeout */
    TIMED_OUT("timedOut");

    private final String wireName;

    Outcome(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }
}
