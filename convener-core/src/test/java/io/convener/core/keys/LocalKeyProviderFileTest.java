package io.convener.core.keys;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convener.api.IntegrityException;
import io.convener.api.TenantId;
import io.convener.spi.keys.KeyProvider;
import io.convener.spi.keys.TenantKeyset;
import io.convener.testing.keys.KeyProviderContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key provider contract on keyset files, plus what only files have: permissions, format, atomicity. */
class LocalKeyProviderFileTest extends KeyProviderContract {
  private static final TenantId ACME = TenantId.of("acme");

  @TempDir Path dir;

  private Path keys() {
    return dir.resolve("data").resolve("keys");
  }

  private LocalKeyProvider provider() {
    return new LocalKeyProvider(Optional.of(keys()), Clock.systemUTC());
  }

  @Override
  protected KeyProvider newProvider() {
    return provider();
  }

  @Override
  protected Optional<KeyProvider> reopen(KeyProvider provider) {
    return Optional.of(provider());
  }

  @Test
  void nothingIsWrittenBeforeTheFirstKeyIsNeeded() {
    LocalKeyProvider provider = provider();
    assertThat(provider.keyEncryptionKey(ACME, 1)).isEmpty();
    assertThat(provider.verificationKeys(ACME)).isEmpty();
    assertThat(dir.resolve("data")).doesNotExist();
  }

  @Test
  void filesAreOwnerOnlyWrittenWholeAndNamedApartForTenantsThatDifferOnlyInCase() throws Exception {
    LocalKeyProvider provider = provider();
    TenantKeyset lower = provider.keyset(ACME);
    TenantKeyset upper = provider.keyset(TenantId.of("ACME"));
    provider.rotate(ACME);
    provider.signingKey(ACME);

    assertThat(upper.primary().getEncoded()).isNotEqualTo(lower.primary().getEncoded());
    try (Stream<Path> files = Files.list(keys())) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .as("one file per tenant and the lock file; no temporary files left")
          .containsExactlyInAnyOrder(".convener-keys.lock", "acme-" + hash8("ACME") + ".json", "acme-" + hash8("acme") + ".json");
    }
    if (keys().getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys()))).isEqualTo("rwx------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(provider.fileOf(ACME))))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void theFileNamesItsTenantAndADestroyedTenantKeepsOnlyPublicKeysAndIds() throws Exception {
    LocalKeyProvider provider = provider();
    int k1 = provider.keyset(ACME).primaryKeyId();
    int k2 = provider.rotate(ACME).primaryKeyId();
    provider.signingKey(ACME);

    JsonNode before = new ObjectMapper().readTree(provider.fileOf(ACME).toFile());
    assertThat(before.path("format").asText()).isEqualTo("convener-keyset");
    assertThat(before.path("version").asInt()).isEqualTo(1);
    assertThat(before.path("tenant").asText()).isEqualTo("acme");
    assertThat(before.path("keyEncryptionKeys").path("primary").asInt()).isEqualTo(k2);
    assertThat(before.path("keyEncryptionKeys").path("keys")).hasSize(2);
    assertThat(before.path("signingKeys").get(0).has("private")).isTrue();

    provider.destroy(ACME);

    String after = Files.readString(provider.fileOf(ACME));
    JsonNode destroyed = new ObjectMapper().readTree(after);
    assertThat(destroyed.path("keyEncryptionKeys").has("primary")).isFalse();
    assertThat(destroyed.path("keyEncryptionKeys").path("keys")).isEmpty();
    assertThat(destroyed.path("keyEncryptionKeys").path("destroyed")).extracting(JsonNode::asInt).containsExactlyInAnyOrder(k1, k2);
    assertThat(destroyed.path("signingKeys")).hasSize(1);
    assertThat(destroyed.path("signingKeys").get(0).has("public")).isTrue();
    assertThat(after).doesNotContain("private", "material");
  }

  @Test
  void anotherProcessSharingTheDirectorySeesChangesOnItsNextCall() {
    LocalKeyProvider here = provider();
    LocalKeyProvider there = provider();
    TenantKeyset first = here.keyset(ACME);
    assertThat(there.keyset(ACME).primaryKeyId()).isEqualTo(first.primaryKeyId());

    int rotated = there.rotate(ACME).primaryKeyId();
    assertThat(here.keyset(ACME).primaryKeyId()).isEqualTo(rotated);
    assertThat(here.keyEncryptionKey(ACME, rotated)).isPresent();

    there.destroy(ACME);
    assertThat(here.keyEncryptionKey(ACME, first.primaryKeyId())).isEmpty();
    assertThat(here.keyEncryptionKey(ACME, rotated)).isEmpty();
  }

  @Test
  void aCorruptOrForeignKeysetFileFailsIntegrityWithoutShowingItsContent() throws Exception {
    LocalKeyProvider provider = provider();
    provider.keyset(ACME);
    Path file = provider.fileOf(ACME);
    String json = Files.readString(file);

    Files.writeString(file, json.replace("\"tenant\" : \"acme\"", "\"tenant\" : \"globex\""));
    assertThatThrownBy(() -> provider().keyset(ACME)).isInstanceOf(IntegrityException.class)
        .hasMessageContaining("not the keyset of tenant 'acme'");

    for (String broken : List.of("{", "[]", json.replace("\"version\" : 1", "\"version\" : 2"),
        json.replaceFirst("\"material\" : \"[^\"]+\"", "\"material\" : \"AAAA\""))) {
      Files.writeString(file, broken);
      assertThatThrownBy(() -> provider().keyEncryptionKey(ACME, 1)).as(broken)
          .isInstanceOf(IntegrityException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("material\" :"));
    }
  }

  private static String hash8(String tenant) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(tenant.getBytes(UTF_8)), 0, 4);
  }
}
