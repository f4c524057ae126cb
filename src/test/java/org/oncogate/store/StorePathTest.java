package org.oncogate.store;

import org.oncogate.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorePathTest {

    private static final String[] BAD_NAMES = {
        "../x", "..", ".", "a/b", "a\\b", "", " ", ".hidden", "-dash-first", "a b", "a\u0000b", "x".repeat(129),
        "/etc/passwd", "C:\\Windows", "C:x", "~root", "caf\u00e9", "../SECRET-PATIENT-NAME"
    };

    @TempDir
    Path tmp;
    private Path root;
    private RegionalStore store;

    @BeforeEach
    void setUp() {
        root = tmp.toAbsolutePath();
        store = TestStores.store(root, "eu", TestStores.randomKek(), new MutableClock(Instant.parse("2026-11-29T13:20:00Z")));
    }

    @Test
    void unsafeIdsAndPartsAreRefusedWithoutBeingEchoed() throws Exception {
        for (String bad : BAD_NAMES) {
            assertThatThrownBy(() -> store.write(PayloadKind.INPUT, bad, "request", new byte[] {1}))
                    .as("id %s", bad)
                    .isInstanceOf(StorePathException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET").doesNotContain("passwd"));
            assertThatThrownBy(() -> store.write(PayloadKind.INPUT, "job-1", bad, new byte[] {1}))
                    .as("part %s", bad)
                    .isInstanceOf(StorePathException.class);
            assertThatThrownBy(() -> store.find(PayloadKind.INPUT, bad, "request")).isInstanceOf(StorePathException.class);
        }
        assertThatThrownBy(() -> store.write(PayloadKind.INPUT, null, "request", new byte[] {1}))
                .isInstanceOf(StorePathException.class);
        assertThat(store.regionRoot()).doesNotExist();
        assertThat(files()).as("nothing written anywhere").isZero();
    }

    @Test
    void readOfAForgedReferenceIsRefused() {
        Path outside = root.resolve("elsewhere.tink");
        StoredPayload forged = new StoredPayload(PayloadKind.INPUT, "../../elsewhere", "request",
                new Bucket(Instant.parse("2026-11-29T13:15:00Z")), outside);
        assertThatThrownBy(() -> store.read(forged)).isInstanceOf(StorePathException.class);
    }

    @Test
    void partsMayNotContainDotsSoFileNamesSplitUnambiguously() throws Exception {
        assertThatThrownBy(() -> store.write(PayloadKind.INPUT, "job", "result.json", new byte[] {1}))
                .isInstanceOf(StorePathException.class);
        StoredPayload dotted = store.write(PayloadKind.INPUT, "fhir.DiagnosticReport.1-2", "request", new byte[] {1});
        assertThat(store.list(PayloadKind.INPUT)).containsExactly(dotted);
    }

    @Test
    void unsafeRegionsAreRefused() {
        KekSource kek = TestStores.randomKek();
        for (String bad : new String[] {"..", "../eu", "eu/west", "", ".eu"}) {
            assertThatThrownBy(() -> new RegionalStore(root, bad, new BucketKeys(root.resolve("eu"), kek),
                    TestStores.DEFAULT_POLICY, new MutableClock(Instant.EPOCH)))
                    .as(bad)
                    .isInstanceOf(StorePathException.class);
        }
        assertThatThrownBy(() -> new BucketKeys(root.resolve("bad region"), kek)).isInstanceOf(StorePathException.class);
    }

    @Test
    void pathsAreResolvedUnderTheRegionRoot() {
        assertThatThrownBy(() -> StoreNames.under(root, "input", "..", "..", "x")).isInstanceOf(StorePathException.class);
        assertThatThrownBy(() -> StoreNames.under(root, "..")).isInstanceOf(StorePathException.class);
        assertThat(StoreNames.under(root, "input", "b")).isEqualTo(root.resolve("input").resolve("b"));
    }

    @Test
    void aKindDirectoryLinkedOutsideTheRegionRootIsRefused() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createDirectories(store.regionRoot());
        Files.createSymbolicLink(store.regionRoot().resolve("input"), outside);
        assertThatThrownBy(() -> store.write(PayloadKind.INPUT, "job-1", "request", new byte[] {1}))
                .isInstanceOf(StorePathException.class);
        assertThat(entries(outside)).as("nothing created through the link").isZero();
    }

    @Test
    void aBucketDirectoryLinkedOutsideTheRegionRootIsRefused() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path kindDir = Files.createDirectories(store.regionRoot().resolve("input"));
        Files.createSymbolicLink(kindDir.resolve("20261129T1315"), outside);
        assertThatThrownBy(() -> store.write(PayloadKind.INPUT, "job-1", "request", new byte[] {1}))
                .isInstanceOf(StorePathException.class);
        assertThat(entries(outside)).isZero();
    }

    @Test
    void aDanglingLinkInsideTheRegionRootIsRefused() throws Exception {
        Files.createDirectories(store.regionRoot());
        Files.createSymbolicLink(store.regionRoot().resolve("input"), tmp.resolve("nowhere"));
        assertThatThrownBy(() -> store.write(PayloadKind.INPUT, "job-1", "request", new byte[] {1}))
                .isInstanceOf(StorePathException.class);
        assertThat(tmp.resolve("nowhere")).doesNotExist();
    }

    @Test
    void aKeysDirectoryLinkedOutsideTheRegionRootIsRefused() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createDirectories(store.regionRoot());
        Files.createSymbolicLink(store.regionRoot().resolve("keys"), outside);
        assertThatThrownBy(() -> store.write(PayloadKind.INPUT, "job-1", "request", new byte[] {1}))
                .isInstanceOf(StorePathException.class);
        assertThat(entries(outside)).as("no keyset written through the link").isZero();
    }

    @Test
    void aSegmentLinkedOutsideTheRegionRootIsNotRead() throws Exception {
        StoredPayload stored = store.write(PayloadKind.INPUT, "job-1", "request", new byte[] {1});
        Path outside = tmp.resolve("outside.journal");
        Files.move(stored.path(), outside);
        Files.createSymbolicLink(stored.path(), outside);
        RegionalStore restarted = StoreTampering.reopened(store);
        assertThat(restarted.find(PayloadKind.INPUT, "job-1", "request")).as("a link is not a stored payload").isEmpty();
        assertThatThrownBy(() -> restarted.read(stored)).isInstanceOfSatisfying(PayloadUnavailableException.class,
                e -> assertThat(e.reason()).isEqualTo(PayloadUnavailableException.Reason.MISSING));
    }

    @Test
    void aRegionRootThatIsItselfALinkStillWorks() throws Exception {
        // the operator may put the data elsewhere and link it; only links inside the root are refused
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere/eu"));
        Path linkedRoot = Files.createDirectories(tmp.resolve("linked"));
        Files.createSymbolicLink(linkedRoot.resolve("eu"), elsewhere);
        RegionalStore linked = TestStores.store(linkedRoot, "eu", TestStores.randomKek(),
                new MutableClock(Instant.parse("2026-11-29T13:20:00Z")));
        StoredPayload stored = linked.write(PayloadKind.INPUT, "job-1", "request", new byte[] {7});
        assertThat(linked.read(stored)).containsExactly(7);
    }

    private long files() throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    private static long entries(Path dir) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.count();
        }
    }
}
