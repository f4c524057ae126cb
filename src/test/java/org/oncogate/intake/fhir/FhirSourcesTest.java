package org.oncogate.intake.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oncogate.job.JobOrigin;

/** Which FHIR jobs go back to their source: only those of a source with write-back on. */
class FhirSourcesTest {

    private final Map<String, String> keys = Map.of(
            "oncogate.fhir.source.ehr.base-url", "http://ehr.example/fhir",
            "oncogate.fhir.source.ehr.subscription", "default",
            "oncogate.fhir.source.ehr.secret-sha256", "00".repeat(32),
            "oncogate.fhir.source.ehr.write-back", "true",
            "oncogate.fhir.source.lab.base-url", "http://lab.example/fhir",
            "oncogate.fhir.source.lab.subscription", "default",
            "oncogate.fhir.source.lab.secret-sha256", "11".repeat(32));

    private final FhirSources sources = FhirSources.fromConfiguration("ehr, lab", keys::get, name -> null);

    @Test
    void aJobWritesBackOnlyWhenItsSourceHasWriteBackOn() {
        assertThat(sources.writesBack(origin("ehr"))).as("write-back=true").isTrue();
        assertThat(sources.writesBack(origin("lab"))).as("write-back not set: served through the job API").isFalse();
        assertThat(sources.writesBack(origin("gone"))).as("a source no longer configured").isFalse();
    }

    private static JobOrigin origin(String source) {
        return new JobOrigin(FhirIntake.CHANNEL, "default", new FhirReplyTo(source, "DocumentReference/d1").encode());
    }
}
