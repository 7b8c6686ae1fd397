package io.convener.core.internal.checkpoint;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.IntegrityException;
import io.convener.api.TenantId;
import io.convener.api.provenance.Checkpoint;
import io.convener.api.provenance.Sha256Hash;
import io.convener.api.provenance.TreeHead;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CheckpointSignerTest {
  /**
   * The signed-note known answer of golang.org/x/mod/sumdb/note (note_test.go, TestSign and
   * TestNewVerifier): a key named PeterNeumann, its verifier key, and the signature line of a
   * two-line note. Ed25519 is deterministic, so the JDK must produce the same bytes.
   */
  private static final String GO_SKEY_BASE64 = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
  private static final String GO_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  private static final String GO_TEXT =
      "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
  private static final String GO_SIGNATURE =
      "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=";

  static final TreeHead HEAD = new TreeHead(TenantId.of("acme"), 8,
      Sha256Hash.fromBase64("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg="), Instant.parse("2026-11-02T09:00:00Z"));

  @Test
  void signsAndKeysExactlyAsGoSignedNoteDoes() throws GeneralSecurityException {
    byte[] seed = Arrays.copyOfRange(Base64.getDecoder().decode(GO_SKEY_BASE64), 1, 33);
    PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
        .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
    byte[] typedPublic = Base64.getDecoder().decode(GO_VKEY.substring(GO_VKEY.lastIndexOf('+') + 1));
    PublicKey publicKey = Ed25519.publicKey(Arrays.copyOfRange(typedPublic, 1, 33));
    byte[] expected = Base64.getDecoder().decode(GO_SIGNATURE);

    assertThat(CheckpointSigner.verifierKey("PeterNeumann", publicKey)).isEqualTo(GO_VKEY);
    assertThat(CheckpointSigner.keyId("PeterNeumann", publicKey)).isEqualTo(0xc74f20a3);
    byte[] signature = Ed25519.sign(privateKey, GO_TEXT.getBytes(UTF_8));
    assertThat(signature).isEqualTo(Arrays.copyOfRange(expected, 4, expected.length));
    assertThat(Ed25519.verify(publicKey, GO_TEXT.getBytes(UTF_8), signature)).isTrue();
  }

  /**
   * The example in docs/provenance.md, made with the Go test key above: a golden value of our
   * own (not an independent reference) that keeps the page true. Ed25519 is deterministic.
   */
  @Test
  void writesTheDocumentedExample() throws GeneralSecurityException {
    byte[] seed = Arrays.copyOfRange(Base64.getDecoder().decode(GO_SKEY_BASE64), 1, 33);
    PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
        .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
    byte[] typedPublic = Base64.getDecoder().decode(GO_VKEY.substring(GO_VKEY.lastIndexOf('+') + 1));
    PublicKey publicKey = Ed25519.publicKey(Arrays.copyOfRange(typedPublic, 1, 33));

    Checkpoint checkpoint = CheckpointSigner.sign(HEAD, "acme-provenance-2026", new KeyPair(publicKey, privateKey));

    assertThat(checkpoint.toText()).isEqualTo("""
        convener/acme
        8
        XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=
        timestamp 2026-11-02T09:00:00Z

        — acme-provenance-2026 bZkslITVXIrBdIVWAyzen1KgCe7TlpwjBQjUzBV3gfTd08dbmdWiPusKhOTvZb89NQMR4CZ39x9Kr7078xqMQn223AI=
        """);
    assertThat(CheckpointSigner.verifierKey("acme-provenance-2026", publicKey))
        .isEqualTo("acme-provenance-2026+6d992c94+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
    CheckpointVerifier.checkSignature(Checkpoint.parse(checkpoint.toText()), publicKey);
  }

  @Test
  void signedCheckpointsVerifyAndSurviveTheirTextForm() {
    KeyPair keys = newKeys();
    Checkpoint checkpoint = CheckpointSigner.sign(HEAD, "acme-log-2026", keys);

    Checkpoint parsed = Checkpoint.parse(checkpoint.toText());

    assertThat(parsed).isEqualTo(checkpoint);
    assertThat(CheckpointVerifier.verifySignature(parsed, keys.getPublic())).isTrue();
    CheckpointVerifier.checkSignature(parsed, keys.getPublic());
    assertThat(checkpoint.keyId()).isEqualTo(CheckpointSigner.keyId("acme-log-2026", keys.getPublic()));
    assertThat(checkpoint.toText()).startsWith(HEAD.noteText() + "\n\u2014 acme-log-2026 ");
  }

  @Test
  void rejectsACheckpointFromAnotherKey() {
    Checkpoint checkpoint = CheckpointSigner.sign(HEAD, "acme-log-2026", newKeys());

    assertThatThrownBy(() -> CheckpointVerifier.checkSignature(checkpoint, newKeys().getPublic()))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("signed by another key");
  }

  @Test
  void rejectsAnotherKeyThatClaimsTheRightKeyId() {
    KeyPair keys = newKeys();
    Checkpoint genuine = CheckpointSigner.sign(HEAD, "acme-log-2026", keys);
    Checkpoint forged = new Checkpoint(HEAD, "acme-log-2026", genuine.keyId(),
        CheckpointSigner.sign(HEAD, "acme-log-2026", newKeys()).signature());

    assertThatThrownBy(() -> CheckpointVerifier.checkSignature(forged, keys.getPublic()))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("does not verify");
  }

  @Test
  void rejectsEveryEditOfTheSignedText() {
    KeyPair keys = newKeys();
    String text = CheckpointSigner.sign(HEAD, "acme-log-2026", keys).toText();
    String[] edits = {
      text.replace("convener/acme", "convener/acme2"),
      text.replace("\n8\n", "\n9\n"),
      text.replace("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz", "YcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz"),
      text.replace("09:00:00Z", "09:00:01Z"),
      text.replace("acme-log-2026", "acme-log-2027"),
    };
    for (String edit : edits) {
      assertThat(edit).isNotEqualTo(text);
      assertThat(CheckpointVerifier.verifySignature(Checkpoint.parse(edit), keys.getPublic())).as(edit).isFalse();
    }
    byte[] signature = Checkpoint.parse(text).signature();
    for (int bit = 0; bit < 8 * signature.length; bit += 7) {
      byte[] flipped = signature.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      Checkpoint c = Checkpoint.parse(text);
      Checkpoint bad = new Checkpoint(c.head(), c.keyName(), c.keyId(), flipped);
      assertThat(CheckpointVerifier.verifySignature(bad, keys.getPublic())).as("bit %d", bit).isFalse();
    }
  }

  @Test
  void refusesKeysThatAreNotEd25519() throws GeneralSecurityException {
    KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();

    assertThatThrownBy(() -> CheckpointSigner.sign(HEAD, "k", ec)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Ed25519.rawPublicKey(ec.getPublic())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Ed25519.publicKey(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CheckpointSigner.sign(HEAD, "bad name", newKeys())).isInstanceOf(IllegalArgumentException.class);
  }

  static KeyPair newKeys() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
