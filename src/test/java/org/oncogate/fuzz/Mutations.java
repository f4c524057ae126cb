package org.oncogate.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of hostile bytes: seeds from a corpus changed by 1 to 8 mutations (bit flips,
 * delimiter bytes, deleted, duplicated, inserted or swapped ranges and lines, truncation, splices
 * with another seed), the seeds as they are, and random bytes. Each mutation picks its places as
 * fractions of the input, so it applies to any seed and shrinks well.
 */
public final class Mutations {

    /** Bytes that mean something to one of the parsers: HL7 and MLLP delimiters, JSON syntax, encodings. */
    private static final byte[] INTERESTING = {
        '|', '^', '~', '\\', '&', '\r', '\n', 0x0b, 0x1c, 0, (byte) 0xff, (byte) 0xc3, (byte) 0xef, '"', '{', '}',
        '[', ']', ':', ',', '-', '0', '9', 'e', '.', '_', ' ', 0x7f
    };

    private Mutations() {
    }

    /** Mostly mutated seeds, some seeds as they are, some random bytes of up to {@code maxRandom}. */
    public static Arbitrary<byte[]> of(List<FuzzCorpus.Seed> seeds, int maxRandom) {
        Arbitrary<byte[]> seed = Arbitraries.of(seeds).map(FuzzCorpus.Seed::bytes);
        Arbitrary<byte[]> mutated = Combinators.combine(seed, Arbitraries.of(seeds), mutation().list().ofMinSize(1).ofMaxSize(8))
                .as((bytes, other, mutations) -> {
                    byte[] result = bytes;
                    for (Mutation m : mutations) {
                        result = m.apply(result, other.bytes());
                    }
                    return result;
                });
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(maxRandom);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(14, mutated),
                net.jqwik.api.Tuple.of(2, seed),
                net.jqwik.api.Tuple.of(3, random));
    }

    private static Arbitrary<Mutation> mutation() {
        Arbitrary<Double> fraction = Arbitraries.doubles().between(0, 1);
        return Combinators.combine(Arbitraries.of(Kind.class), fraction, fraction, Arbitraries.of(box(INTERESTING)),
                Arbitraries.bytes()).as(Mutation::new);
    }

    private static List<Byte> box(byte[] bytes) {
        List<Byte> boxed = new ArrayList<>();
        for (byte b : bytes) {
            boxed.add(b);
        }
        return boxed;
    }

    enum Kind { FLIP_BIT, SET_INTERESTING, SET_RANDOM, INSERT_INTERESTING, DELETE_RANGE, DUPLICATE_RANGE,
        TRUNCATE, SPLICE, DELETE_LINE, DUPLICATE_LINE, SWAP_LINES, REPEAT_BYTE }

    /** One change, its places as fractions of the input's length. */
    record Mutation(Kind kind, double at, double extent, byte interesting, byte random) {

        byte[] apply(byte[] in, byte[] other) {
            int n = in.length;
            int pos = n == 0 ? 0 : Math.min(n - 1, (int) (at * n));
            int len = Math.max(1, (int) (extent * Math.min(n, 256)));
            return switch (kind) {
                case FLIP_BIT -> n == 0 ? in : set(in, pos, (byte) (in[pos] ^ (1 << (int) (extent * 7.99))));
                case SET_INTERESTING -> n == 0 ? new byte[] {interesting} : set(in, pos, interesting);
                case SET_RANDOM -> n == 0 ? new byte[] {random} : set(in, pos, random);
                case INSERT_INTERESTING -> splice(in, pos, 0, new byte[] {interesting});
                case DELETE_RANGE -> splice(in, pos, Math.min(len, n - pos), new byte[0]);
                case DUPLICATE_RANGE -> splice(in, pos, 0, Arrays.copyOfRange(in, pos, Math.min(n, pos + len)));
                case TRUNCATE -> Arrays.copyOf(in, pos);
                case SPLICE -> splice(in, pos, n - pos, Arrays.copyOfRange(other, Math.min(other.length,
                        (int) (extent * other.length)), other.length));
                case DELETE_LINE, DUPLICATE_LINE, SWAP_LINES -> lines(in);
                case REPEAT_BYTE -> splice(in, pos, 0, repeat(interesting, (int) (extent * 70_000)));
            };
        }

        /** Line-wise changes (HL7 segments, JSON lines), on CR or LF. */
        private byte[] lines(byte[] in) {
            List<byte[]> lines = split(in);
            if (lines.isEmpty()) {
                return in;
            }
            int i = Math.min(lines.size() - 1, (int) (at * lines.size()));
            int j = Math.min(lines.size() - 1, (int) (extent * lines.size()));
            switch (kind) {
                case DELETE_LINE -> lines.remove(i);
                case DUPLICATE_LINE -> lines.add(i, lines.get(i));
                default -> {
                    byte[] swap = lines.get(i);
                    lines.set(i, lines.get(j));
                    lines.set(j, swap);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            lines.forEach(out::writeBytes);
            return out.toByteArray();
        }

        /** Lines with their terminators, so joining them gives the input back. */
        private static List<byte[]> split(byte[] in) {
            List<byte[]> lines = new ArrayList<>();
            int start = 0;
            for (int k = 0; k < in.length; k++) {
                if (in[k] == '\r' || in[k] == '\n') {
                    lines.add(Arrays.copyOfRange(in, start, k + 1));
                    start = k + 1;
                }
            }
            if (start < in.length) {
                lines.add(Arrays.copyOfRange(in, start, in.length));
            }
            return lines;
        }

        private static byte[] set(byte[] in, int pos, byte value) {
            byte[] out = in.clone();
            out[pos] = value;
            return out;
        }

        private static byte[] splice(byte[] in, int pos, int remove, byte[] insert) {
            int at = Math.min(pos, in.length);
            int cut = Math.max(0, Math.min(remove, in.length - at));
            ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + insert.length);
            out.write(in, 0, at);
            out.writeBytes(insert);
            out.write(in, at + cut, in.length - at - cut);
            return out.toByteArray();
        }

        private static byte[] repeat(byte value, int count) {
            byte[] out = new byte[count];
            Arrays.fill(out, value);
            return out;
        }
    }
}
