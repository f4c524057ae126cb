package org.oncogate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KekSourceTest {

    private static final byte[] SECRET = "bucket keyset stand-in".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AD = "ad".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    @Test
    void devGeneratesOnceAndTheSameKeyDecryptsAfterRestart() throws Exception {
        Path devDir = tmp.resolve("dev-kek");
        Path data = tmp.resolve("data");
        byte[] ciphertext = KekSource.fromSpec("dev", devDir, data).kek().encrypt(SECRET, AD);
        byte[] firstKeyset = Files.readAllBytes(devDir.resolve("kek.json"));

        KekSource restarted = KekSource.fromSpec("dev", devDir, data);

        assertThat(restarted.kek().decrypt(ciphertext, AD)).isEqualTo(SECRET);
        assertThat(Files.readAllBytes(devDir.resolve("kek.json"))).as("not regenerated").isEqualTo(firstKeyset);
        if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(devDir))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(devDir.resolve("kek.json"))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void twoDevDirectoriesHoldDifferentKeys() throws Exception {
        Aead one = KekSource.fromSpec("dev", tmp.resolve("one"), tmp.resolve("data")).kek();
        Aead two = KekSource.fromSpec("dev", tmp.resolve("two"), tmp.resolve("data")).kek();
        byte[] ciphertext = one.encrypt(SECRET, AD);
        assertThatThrownBy(() -> two.decrypt(ciphertext, AD)).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void devKekUnderTheDataDirectoryIsRefused() {
        Path data = tmp.resolve("data");
        assertThatThrownBy(() -> KekSource.fromSpec("dev", data.resolve("kek"), data))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("under the data directory");
        assertThat(data.resolve("kek")).doesNotExist();
    }

    @Test
    void envFormReadsABase64TinkJsonKeyset() throws Exception {
        String json = plaintextKeysetJson();
        String encoded = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        KekSource fromEnv = KekSpec.open("env:ONCOGATE_KEK", null, tmp.resolve("data"), null, Map.of("ONCOGATE_KEK", encoded)::get);
        Path file = Files.writeString(tmp.resolve("kek.json"), json);
        KekSource fromFile = KekSource.fromSpec("file:" + file, null, tmp.resolve("data"));

        assertThat(fromFile.kek().decrypt(fromEnv.kek().encrypt(SECRET, AD), AD)).as("same key from both forms").isEqualTo(SECRET);
    }

    @Test
    void aGeneratedKekWorksAsTheEnvFormAndEachIsNew() throws Exception {
        String generated = KekSource.generateForEnvironment();
        KekSource kek = KekSpec.open("env:ONCOGATE_KEK", null, tmp.resolve("data"), null, Map.of("ONCOGATE_KEK", generated)::get);
        assertThat(kek.kek().decrypt(kek.kek().encrypt(SECRET, AD), AD)).isEqualTo(SECRET);
        KekSource other = KekSpec.open("env:ONCOGATE_KEK", null, tmp.resolve("data"), null,
                Map.of("ONCOGATE_KEK", KekSource.generateForEnvironment())::get);
        assertThatThrownBy(() -> other.kek().decrypt(kek.kek().encrypt(SECRET, AD), AD))
                .as("another generated KEK").isInstanceOf(java.security.GeneralSecurityException.class);
    }

    @Test
    void missingEnvironmentVariableIsNamed() {
        assertThatThrownBy(() -> KekSpec.open("env:ONCOGATE_KEK", null, tmp, null, Map.<String, String>of()::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ONCOGATE_KEK")
                .hasMessageContaining("not set");
        assertThatThrownBy(() -> KekSource.fromSpec("env:ONCOGATE_TEST_SURELY_UNSET_VARIABLE", null, tmp))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ONCOGATE_TEST_SURELY_UNSET_VARIABLE");
    }

    @Test
    void badEnvironmentValueIsNamedButNeverQuoted() {
        String notBase64 = "SECRET-VALUE-1!!";
        String notAKeyset = Base64.getEncoder().encodeToString("{\"SECRET-VALUE-2\": 1}".getBytes(StandardCharsets.UTF_8));
        for (String value : new String[] {notBase64, notAKeyset}) {
            assertThatThrownBy(() -> KekSpec.open("env:K", null, tmp, null, Map.of("K", value)::get))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("environment variable K")
                    .hasNoCause()
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET-VALUE").doesNotContain(value));
        }
    }

    @Test
    void kekFileUnderTheDataDirectoryIsRefused() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Path inside = Files.writeString(Files.createDirectories(data.resolve("keys")).resolve("kek.json"), plaintextKeysetJson());
        Path link = Files.createSymbolicLink(tmp.resolve("innocent"), data);

        for (String spec : new String[] {"file:" + inside, "file:" + tmp.resolve("other/../data/keys/kek.json"),
                "file:" + link.resolve("keys/kek.json")}) {
            assertThatThrownBy(() -> KekSource.fromSpec(spec, null, data))
                    .as(spec)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("under the data directory");
        }
    }

    @Test
    void missingOrInvalidKekFileIsRefused() throws Exception {
        assertThatThrownBy(() -> KekSource.fromSpec("file:" + tmp.resolve("absent.json"), null, tmp.resolve("data")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be read");
        Path garbage = Files.writeString(tmp.resolve("garbage.json"), "{\"SECRET-VALUE\": true}");
        assertThatThrownBy(() -> KekSource.fromSpec("file:" + garbage, null, tmp.resolve("data")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("SECRET-VALUE");
    }

    @Test
    void unknownSpecsAreRefusedListingTheAcceptedForms() {
        for (String spec : new String[] {"kms:", "DEV", "env:", "file:", "", " ", "plain"}) {
            assertThatThrownBy(() -> KekSource.fromSpec(spec, tmp.resolve("dev"), tmp.resolve("data")))
                    .as(spec)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("dev, env:NAME, file:/path, kms:KEY_URI");
        }
        assertThatThrownBy(() -> KekSource.fromSpec(null, tmp, tmp)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String plaintextKeysetJson() throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(AeadKeysets.generate(), InsecureSecretKeyAccess.get());
    }
}
