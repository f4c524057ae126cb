package org.oncogate.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * What an attacker or a broken disk could do to a stored payload, for tests: flip a bit of its
 * ciphertext where the store reads it, or put another payload's ciphertext under its name.
 */
public final class StoreTampering {

    private StoreTampering() {
    }

    /**
     * Flips one bit in the middle of the payload's ciphertext, in place, and fixes the record's checksum
     * as someone who knows the format would: only the AEAD can tell. Flipping it again restores it.
     */
    public static void flipCiphertextBit(StoredPayload ref) throws IOException {
        Located record = locate(ref);
        byte[] body;
        try (Segment segment = Segment.open(ref.path(), 0)) {
            body = segment.read(record.bodyStart(), record.bodyLength());
        }
        body[record.ciphertextOffset() + record.ciphertextLength() / 2] ^= 0x01;
        CRC32C crc = new CRC32C();
        crc.update(body);
        try (FileChannel channel = FileChannel.open(ref.path(), StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(body), record.bodyStart());
            channel.write(ByteBuffer.allocate(4).putInt(0, (int) crc.getValue()), record.bodyStart() - 4);
            channel.force(false);
        }
    }

    /**
     * Puts {@code source}'s ciphertext under {@code victim}'s name: a record appended in a new segment of
     * the victim's bucket journal, as a copied or swapped file would be. Returns the store opened again,
     * which reads the newer record; {@code store} itself still holds the old one.
     */
    public static RegionalStore swapIn(RegionalStore store, StoredPayload source, StoredPayload victim) throws IOException {
        Located at = locate(source);
        byte[] ciphertext;
        try (Segment segment = Segment.open(source.path(), 0)) {
            ciphertext = segment.read(at.bodyStart() + at.ciphertextOffset(), at.ciphertextLength());
        }
        Path dir = victim.path().getParent();
        long next;
        try (Stream<Path> files = Files.list(dir)) {
            next = files.map(f -> Segment.number(f.getFileName().toString())).filter(n -> n.isPresent())
                    .mapToLong(n -> n.getAsLong()).max().orElse(0) + 1;
        }
        try (Segment forged = Segment.create(dir, next)) {
            forged.append(JournalRecord.encode(victim.id(), victim.part(), ciphertext));
            forged.sync();
        }
        return reopened(store);
    }

    /** The same store as a restarted gateway would open it: its index read from disk again. */
    public static RegionalStore reopened(RegionalStore store) {
        return new RegionalStore(store.regionRoot().getParent(), store.region(), store.keys(), store.policy(), store.clock());
    }

    /** Where a payload's newest record in its segment is. */
    private record Located(long bodyStart, int bodyLength, int ciphertextOffset, int ciphertextLength) {
    }

    private static Located locate(StoredPayload ref) throws IOException {
        AtomicReference<Located> found = new AtomicReference<>();
        try (Segment segment = Segment.open(ref.path(), 0)) {
            segment.scan((record, bodyStart) -> {
                if (record.id().equals(ref.id()) && record.part().equals(ref.part())) {
                    found.set(new Located(bodyStart, record.ciphertextOffset() + record.ciphertextLength(),
                            record.ciphertextOffset(), record.ciphertextLength()));
                }
            });
        }
        if (found.get() == null) {
            throw new IllegalArgumentException("no record of " + ref.id() + "/" + ref.part() + " in " + ref.path());
        }
        return found.get();
    }
}
