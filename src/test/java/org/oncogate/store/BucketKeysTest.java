package org.oncogate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BucketKeysTest {

    private static final Bucket B1 = Bucket.parse("20261129T1315");
    private static final Bucket B2 = Bucket.parse("20261129T1330");
    private static final byte[] DATA = "data".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AD = "ad".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;
    private Path regionRoot;
    private final KekSource kek = TestStores.randomKek();
    private BucketKeys keys;

    @BeforeEach
    void setUp() {
        regionRoot = tmp.resolve("eu");
        keys = new BucketKeys(regionRoot, kek);
    }

    @Test
    void oneKeysetPerBucketStoredEncryptedAndReloadedAfterRestart() throws Exception {
        byte[] ciphertext = keys.aeadFor(B1).encrypt(DATA, AD);
        keys.aeadFor(B2);

        assertThat(regionRoot.resolve("keys/20261129T1315.keyset.json")).exists();
        assertThat(keys.buckets()).containsExactly(B1, B2);
        BucketKeys restarted = new BucketKeys(regionRoot, kek);
        assertThat(restarted.existing(B1).orElseThrow().decrypt(ciphertext, AD)).isEqualTo(DATA);
        assertThatThrownBy(() -> restarted.existing(B2).orElseThrow().decrypt(ciphertext, AD))
                .as("each bucket has its own key").isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void existingDoesNotCreate() throws Exception {
        assertThat(keys.existing(B1)).isEmpty();
        assertThat(keys.buckets()).isEmpty();
    }

    @Test
    void destroyShredsTheKeyAndItIsNeverRecreated() throws Exception {
        byte[] ciphertext = keys.aeadFor(B1).encrypt(DATA, AD);

        keys.destroy(B1);

        assertThat(regionRoot.resolve("keys/20261129T1315.keyset.json")).doesNotExist();
        assertThat(keys.buckets()).isEmpty();
        assertThat(keys.existing(B1)).isEmpty();
        assertThat(new BucketKeys(regionRoot, kek).existing(B1)).isEmpty();
        assertThatThrownBy(() -> keys.aeadFor(B1)).as("a late writer cannot revive the bucket")
                .isInstanceOf(GeneralSecurityException.class);
        Aead revived = new BucketKeys(regionRoot, kek).aeadFor(B1);
        assertThatThrownBy(() -> revived.decrypt(ciphertext, AD)).as("a new key opens nothing old")
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void swappedKeysetFileIsRefused() throws Exception {
        keys.aeadFor(B1);
        keys.aeadFor(B2);
        Files.copy(regionRoot.resolve("keys/20261129T1330.keyset.json"), regionRoot.resolve("keys/20261129T1315.keyset.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        BucketKeys restarted = new BucketKeys(regionRoot, kek);
        assertThatThrownBy(() -> restarted.existing(B1)).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> restarted.aeadFor(B1)).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void keysetOfAnotherRegionIsRefused() throws Exception {
        keys.aeadFor(B1);
        Path usRoot = tmp.resolve("us");
        Files.createDirectories(usRoot.resolve("keys"));
        Files.copy(regionRoot.resolve("keys/20261129T1315.keyset.json"), usRoot.resolve("keys/20261129T1315.keyset.json"));

        assertThatThrownBy(() -> new BucketKeys(usRoot, kek).existing(B1)).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void foreignFilesInTheKeysDirectoryAreIgnored() throws Exception {
        keys.aeadFor(B1);
        Files.writeString(regionRoot.resolve("keys/README.keyset.json"), "x");
        Files.writeString(regionRoot.resolve("keys/notes.txt"), "x");
        assertThat(keys.buckets()).containsExactly(B1);
        assertThat(Bucket.parse("20261129T1315").start()).isEqualTo(Instant.parse("2026-11-29T13:15:00Z"));
    }
}
