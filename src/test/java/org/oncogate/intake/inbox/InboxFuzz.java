package org.oncogate.intake.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import org.oncogate.fuzz.FuzzCorpus;
import org.oncogate.fuzz.FuzzPipeline;
import org.oncogate.fuzz.Mutations;
import org.oncogate.job.ClinicalTypeTable;
import org.oncogate.intake.hl7.Hl7Parsing;
import org.oncogate.intake.hl7.Hl7Reader;
import org.oncogate.intake.hl7.Hl7ReportMapper;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.JobJson;
import org.oncogate.job.JobRecord;
import org.oncogate.job.Quarantine;
import org.oncogate.job.RejectedInputException;
import org.oncogate.store.DurableFiles;
import org.oncogate.store.PayloadKind;
import org.oncogate.store.StoredPayload;

/**
 * The inbox path, fuzzed: a file (a name from the corpus, mutated or made up, with any extension;
 * content mutated from fuzz/inbox or random) in a known or unknown subscription folder goes
 * through the note naming, decoding and reading of notes, requests and HL7 files, in front of the
 * real job service, store and outbox. Every file is stored as its jobs (and their results land in
 * the outbox), or refused: quarantined once with an error report naming its code; never a job
 * stored for a refused file, never an exception that would leave the file to be tried forever,
 * never a hang. Tries: {@code -Doncogate.fuzz.tries} (README, "Test it").
 */
class InboxFuzz {

    private static final FuzzPipeline PIPELINE = new FuzzPipeline();
    private static final Path OUTBOX = PIPELINE.folder().resolve("outbox");
    private static final InboxIntake INTAKE = new InboxIntake(PIPELINE.jobs(),
            new Hl7Reader(Hl7Parsing.create(), new Hl7ReportMapper(ClinicalTypeTable.load(), ClinicalType.PATHOLOGY_REPORT)),
            FuzzPipeline.SUBSCRIPTIONS, new Quarantine(PIPELINE.store()), new Outbox(OUTBOX, PIPELINE.clock()),
            PIPELINE.usage(), new InboxIntake.InboxSettings(1_048_576, ClinicalType.PATHOLOGY_REPORT,
                    PIPELINE.unlimited("oncogate.inbox")));
    private static final List<FuzzCorpus.Seed> SEEDS = FuzzCorpus.load("inbox");

    @Property
    void everyFileIsStoredAsItsJobsOrQuarantinedWithAReport(@ForAll("folders") String folder,
                                                           @ForAll("names") String name,
                                                           @ForAll("contents") byte[] content) throws Exception {
        PIPELINE.startTry(); // what a failed try (or its shrinking) stored does not count
        for (Path written : DurableFiles.regularFilesUnder(OUTBOX)) {
            Files.delete(written);
        }
        File body = PIPELINE.folder().resolve("body").toFile();
        Files.write(body.toPath(), content);
        String relativePath = folder + "/" + name;
        InboxFile file = InboxFile.of(relativePath);
        PIPELINE.bounded(() -> {
            try {
                List<String> ids = INTAKE.accept(relativePath, body);
                assertThat(ids).as("jobs of an accepted file").isNotEmpty();
                assertThat(PIPELINE.payloads()).as("one request per job").hasSize(ids.size());
                for (String id : ids) {
                    JobRecord job = PIPELINE.jobs().find(id).orElseThrow();
                    INTAKE.deliver(job);
                    assertThat(OUTBOX.resolve(folder).resolve(Outbox.fileName(job.origin().replyTo(), ".result.json"))).isRegularFile();
                }
            } catch (RejectedInputException refused) {
                assertThat(PIPELINE.payloads()).as("no job stored for a refused file").isEmpty();
                INTAKE.reject(relativePath, body, refused);
                assertThat(PIPELINE.payloads()).as("one quarantine entry (its input and its problem)")
                        .allMatch(p -> p.kind() == PayloadKind.QUARANTINE)
                        .extracting(StoredPayload::id).hasSize(2).containsOnly(PIPELINE.payloads().get(0).id());
                JsonNode report = JobJson.MAPPER.readTree(OUTBOX.resolve(folder).resolve(Outbox.fileName(file.baseName(), ".error.json")).toFile());
                assertThat(report.toString()).as("error report").contains("\"" + refused.error().code() + "\"");
                assertThat(refused.error().code()).matches("[A-Z][A-Za-z]+");
            }
            return null;
        });
    }

    @Provide
    Arbitrary<String> folders() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("default")), Tuple.of(1, Arbitraries.just("unknown")));
    }

    /** Seed names as they are, changed a little, or made up with any extension; each a legal file name. */
    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> seedName = Arbitraries.of(SEEDS).map(FuzzCorpus.Seed::name);
        Arbitrary<String> stem = Arbitraries.strings().withCharRange(' ', '~').withChars("\u00e9\u00fc\u4e2d\ufffd\t")
                .ofMinLength(0).ofMaxLength(120);
        Arbitrary<String> extension = Arbitraries.of(".txt", ".json", ".hl7", ".TXT", ".xml", "", ".txt.txt", ".");
        Arbitrary<String> madeUp = Combinators.combine(stem, extension).as(String::concat);
        Arbitrary<String> changed = Combinators.combine(seedName, stem, Arbitraries.of("__", "_", "", "."))
                .as((seed, extra, glue) -> seed.replaceFirst("(\\.[a-z0-9]+)$", java.util.regex.Matcher.quoteReplacement(glue + extra) + "$1"));
        Arbitrary<String> longName = Combinators.combine(Arbitraries.integers().between(200, 250), extension)
                .as((length, ext) -> "P-" + "9".repeat(length) + ext);
        Arbitrary<String> emoji = stem.map(n -> n + "\ud83e\udda0");
        // a name read from disk is valid Unicode (undecodable bytes read as U+FFFD): no lone surrogates
        return Arbitraries.frequencyOf(Tuple.of(2, seedName), Tuple.of(3, changed), Tuple.of(3, madeUp), Tuple.of(1, longName),
                        Tuple.of(1, Combinators.combine(emoji, extension).as(String::concat)))
                .map(n -> n.replace('/', '_'))
                .filter(n -> !n.isEmpty() && !n.equals(".") && !n.equals("..")
                        && n.getBytes(StandardCharsets.UTF_8).length <= 255);
    }

    @Provide
    Arbitrary<byte[]> contents() {
        return Mutations.of(SEEDS, 2048);
    }

    @AfterContainer
    static void close() throws IOException {
        PIPELINE.close();
    }
}
