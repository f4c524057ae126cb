package org.oncogate.inference.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lexicon read from a classpath TSV file: {@code code <TAB> description <TAB> term|term|...};
 * lines starting with {@code #} and blank lines are skipped. The description is also a term.
 */
final class Lexicon {

    private final Map<String, LexiconEntry> byCode;

    private Lexicon(Map<String, LexiconEntry> byCode) {
        this.byCode = byCode;
    }

    static Lexicon fromClasspath(String resource) {
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("lexicon not on classpath: " + resource);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon " + resource, e);
        }
    }

    private static Lexicon parse(BufferedReader reader, String resource) throws IOException {
        Map<String, LexiconEntry> entries = new LinkedHashMap<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length < 2 || columns.length > 3) {
                throw new IllegalStateException(resource + " line " + number + ": expected 2 or 3 columns");
            }
            List<String> terms = new ArrayList<>();
            if (columns.length == 3 && !columns[2].isBlank()) {
                Arrays.stream(columns[2].split("\\|")).map(String::strip).filter(t -> !t.isEmpty()).forEach(terms::add);
            }
            LexiconEntry entry = new LexiconEntry(columns[0].strip(), columns[1].strip(), terms);
            if (entries.putIfAbsent(entry.code(), entry) != null) {
                throw new IllegalStateException(resource + " line " + number + ": duplicate code " + entry.code());
            }
        }
        return new Lexicon(Map.copyOf(entries));
    }

    /** A lexicon of the given entries (codes unique), built in code rather than read from a file. */
    static Lexicon of(List<LexiconEntry> entries) {
        Map<String, LexiconEntry> byCode = new LinkedHashMap<>();
        for (LexiconEntry entry : entries) {
            if (byCode.putIfAbsent(entry.code(), entry) != null) {
                throw new IllegalStateException("duplicate code " + entry.code());
            }
        }
        return new Lexicon(Map.copyOf(byCode));
    }

    Optional<LexiconEntry> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    List<LexiconEntry> entries() {
        return List.copyOf(byCode.values());
    }
}
