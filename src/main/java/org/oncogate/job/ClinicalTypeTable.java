package org.oncogate.job;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which clinical type a document code means, as data: {@code job/clinical-types.tsv}. HL7 v2 looks up
 * OBR-4 of an ORU and TXA-2 of an MDM; FHIR the {@code type} and {@code category} codings of a
 * DocumentReference or DiagnosticReport, whose LOINC system {@code http://loinc.org} is the table's
 * {@code LN}. A row's system {@code *} matches the code in any coding system.
 */
public final class ClinicalTypeTable {

    static final String RESOURCE = "job/clinical-types.tsv";
    private static final String ANY_SYSTEM = "*";
    /** Coding systems by their FHIR URI, as the table names them (HL7 v2 table 0396). */
    private static final Map<String, String> SYSTEM_URIS = Map.of("HTTP://LOINC.ORG", "LN");

    private final Map<String, ClinicalType> types;

    private ClinicalTypeTable(Map<String, ClinicalType> types) {
        this.types = Map.copyOf(types);
    }

    /** The table shipped in {@value #RESOURCE}. */
    public static ClinicalTypeTable load() {
        try (InputStream in = ClinicalTypeTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads rows of {@code system<TAB>code<TAB>clinicalType}; blank lines and {@code #} comments are skipped. */
    static ClinicalTypeTable read(Reader reader) throws IOException {
        Map<String, ClinicalType> types = new HashMap<>();
        BufferedReader lines = new BufferedReader(reader);
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            Optional<ClinicalType> type = columns.length == 3 ? ClinicalType.find(columns[2].trim()) : Optional.empty();
            if (type.isEmpty() || columns[0].isBlank() || columns[1].isBlank()) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": expected system, code, clinical type");
            }
            types.put(key(columns[0], columns[1]), type.get());
        }
        return new ClinicalTypeTable(types);
    }

    /** The clinical type of {@code code} in {@code codingSystem} (which may be null), else of the code in any system. */
    public Optional<ClinicalType> find(String codingSystem, String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        ClinicalType type = codingSystem == null || codingSystem.isBlank() ? null : types.get(key(codingSystem, code));
        return Optional.ofNullable(type != null ? type : types.get(key(ANY_SYSTEM, code)));
    }

    private static String key(String system, String code) {
        String upper = system.trim().toUpperCase(Locale.ROOT);
        return SYSTEM_URIS.getOrDefault(upper, upper) + "\t" + code.trim().toUpperCase(Locale.ROOT);
    }
}
