package org.oncogate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFilesTest {

    @TempDir
    Path dir;

    @Test
    void writeReplacesTheWholeFileAndLeavesNoTemp() throws Exception {
        Path target = dir.resolve("job-1.input.tink");
        DurableFiles.write(target, bytes("first version"));
        DurableFiles.write(target, bytes("second"));

        assertThat(target).hasBinaryContent(bytes("second"));
        assertThat(names()).containsExactly("job-1.input.tink");
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        }
    }

    @Test
    void aFileWrittenWithAModificationTimeAppearsWithIt() throws Exception {
        Path target = dir.resolve("P-1.result.json");
        Instant yesterday = Instant.parse("2026-11-30T10:15:30Z");

        DurableFiles.write(target, bytes("result"), yesterday);

        assertThat(Files.getLastModifiedTime(target)).isEqualTo(FileTime.from(yesterday));
        assertThat(Files.readString(target)).isEqualTo("result");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void crashBeforeRenameLeavesTheOldCompleteVersion() throws Exception {
        Path target = dir.resolve("job-1.input.tink");
        DurableFiles.write(target, bytes("old complete version"));

        Path temp = DurableFiles.writeTemp(target, bytes("new version, never renamed")); // the process dies here

        assertThat(target).hasBinaryContent(bytes("old complete version"));
        assertThat(temp.getFileName().toString()).startsWith(".").endsWith(".tmp");
        assertThat(DurableFiles.deleteStaleTemps(dir)).isEqualTo(1);
        assertThat(names()).containsExactly("job-1.input.tink");
    }

    @Test
    void crashBeforeFirstRenameLeavesNoTarget() throws Exception {
        Path target = dir.resolve("job-2.input.tink");
        DurableFiles.writeTemp(target, bytes("never renamed"));

        assertThat(target).doesNotExist();
        DurableFiles.deleteStaleTemps(dir);
        assertThat(names()).isEmpty();
    }

    @Test
    void staleTempCutoffSparesYoungerTempsAndEveryOtherFile() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("input/20261129T1315"));
        Path old = DurableFiles.writeTemp(sub.resolve("a.input.tink"), bytes("a"));
        Path young = DurableFiles.writeTemp(sub.resolve("b.input.tink"), bytes("b"));
        Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2026-11-29T10:00:00Z")));
        Files.setLastModifiedTime(young, FileTime.from(Instant.parse("2026-11-29T12:00:00Z")));
        Path dotFile = Files.writeString(sub.resolve(".keep"), "");
        Path tmpFile = Files.writeString(sub.resolve("report.tmp"), "");
        Files.setLastModifiedTime(tmpFile, FileTime.from(Instant.parse("2026-11-29T10:00:00Z")));

        assertThat(DurableFiles.deleteStaleTemps(dir, Instant.parse("2026-11-29T11:00:00Z"))).isEqualTo(1);

        assertThat(old).doesNotExist();
        assertThat(young).exists();
        assertThat(dotFile).exists();
        assertThat(tmpFile).exists();
    }

    @Test
    void createDirectoriesMakesTheWholeChain() throws Exception {
        Path deep = dir.resolve("eu/input/20261129T1315");
        DurableFiles.createDirectories(deep);
        DurableFiles.createDirectories(deep);
        assertThat(deep).isDirectory();
    }

    private Object[] names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toArray();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
