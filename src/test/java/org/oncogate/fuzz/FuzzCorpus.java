package org.oncogate.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The committed seed corpus of one input path: the files under {@code src/test/resources/fuzz/<path>/}
 * (real samples from {@code samples/} and hand-made edge cases), which the generators mutate.
 */
public final class FuzzCorpus {

    private FuzzCorpus() {
    }

    /** Every seed of {@code fuzz/<path>/}, by file name order. */
    public static List<Seed> load(String path) {
        URL dir = FuzzCorpus.class.getResource("/fuzz/" + path);
        if (dir == null) {
            throw new IllegalStateException("no seed corpus at fuzz/" + path);
        }
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.filter(Files::isRegularFile).sorted().map(FuzzCorpus::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Seed read(Path file) {
        try {
            return new Seed(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One seed: its file name and bytes. */
    public record Seed(String name, byte[] bytes) {

        public Seed {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public String toString() {
            return "Seed[" + name + "]";
        }
    }
}
