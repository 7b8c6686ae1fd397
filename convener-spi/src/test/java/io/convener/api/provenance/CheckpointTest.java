package io.convener.api.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.InvalidInputException;
import io.convener.api.TenantId;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckpointTest {
  private static final Sha256Hash ROOT = Sha256Hash.fromBase64("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=");
  private static final TreeHead HEAD =
      new TreeHead(TenantId.of("acme"), 8, ROOT, Instant.parse("2026-11-02T09:00:00.125678Z"));
  private static final byte[] SIGNATURE = new byte[64];

  static {
    for (int i = 0; i < SIGNATURE.length; i++) {
      SIGNATURE[i] = (byte) i;
    }
  }

  private static final Checkpoint CHECKPOINT = new Checkpoint(HEAD, "acme-log-2026", 0x1a2b3c4d, SIGNATURE);

  private static final String TEXT = """
      convener/acme
      8
      XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=
      timestamp 2026-11-02T09:00:00.125Z

      \u2014 acme-log-2026 Gis8TQABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4fICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=
      """;

  @Test
  void writesTheSignedNoteTextOfTheFormat() {
    assertThat(HEAD.noteText()).isEqualTo(
        "convener/acme\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\ntimestamp 2026-11-02T09:00:00.125Z\n");
    assertThat(CHECKPOINT.toText()).isEqualTo(TEXT);
    assertThat(CHECKPOINT.keyIdHex()).isEqualTo("1a2b3c4d");
  }

  @Test
  void parsesWhatItWritesBackToAnEqualCheckpoint() {
    Checkpoint parsed = Checkpoint.parse(TEXT);

    assertThat(parsed).isEqualTo(CHECKPOINT).hasSameHashCodeAs(CHECKPOINT);
    assertThat(parsed.toText()).isEqualTo(TEXT);
    assertThat(parsed.tenant()).isEqualTo(TenantId.of("acme"));
    assertThat(parsed.treeSize()).isEqualTo(8);
    assertThat(parsed.root()).isEqualTo(ROOT);
    assertThat(parsed.timestamp()).isEqualTo(Instant.parse("2026-11-02T09:00:00.125Z"));
    assertThat(parsed.signature()).isEqualTo(SIGNATURE);
  }

  @Test
  void roundTripsEdgeValues() {
    for (long size : new long[] {0, 1, Long.MAX_VALUE}) {
      Checkpoint c = new Checkpoint(new TreeHead(TenantId.of("a.b-C_9"), size, ROOT, Instant.EPOCH), "k", -1, SIGNATURE);
      assertThat(Checkpoint.parse(c.toText())).isEqualTo(c);
    }
  }

  @Test
  void copiesTheSignature() {
    byte[] signature = SIGNATURE.clone();
    Checkpoint c = new Checkpoint(HEAD, "k", 1, signature);
    signature[0] = 99;
    c.signature()[1] = 99;

    assertThat(c.signature()).isEqualTo(SIGNATURE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "a+b", "tab\there", "nbsp\u00a0", "lone\ud800"})
  void rejectsKeyNamesThatSignedNoteForbids(String name) {
    assertThatThrownBy(() -> new Checkpoint(HEAD, name, 1, SIGNATURE)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "no final newline",
    "origin",
    "tenant",
    "size leading zero",
    "size negative",
    "size too big",
    "root short",
    "root unpadded",
    "timestamp missing",
    "timestamp not canonical",
    "timestamp not a time",
    "no blank line",
    "hyphen not em dash",
    "signature short",
    "two signatures",
    "extra space",
    "crlf",
  })
  void rejectsEveryMalformedText(String change) {
    String bad = switch (change) {
      case "no final newline" -> TEXT.substring(0, TEXT.length() - 1);
      case "origin" -> TEXT.replace("convener/acme", "example.com/acme");
      case "tenant" -> TEXT.replace("convener/acme", "convener/ac me");
      case "size leading zero" -> TEXT.replace("\n8\n", "\n08\n");
      case "size negative" -> TEXT.replace("\n8\n", "\n-8\n");
      case "size too big" -> TEXT.replace("\n8\n", "\n9223372036854775808\n");
      case "root short" -> TEXT.replace("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=", "ZG9uJ3QgY2FyZSAy");
      case "root unpadded" -> TEXT.replace("RgQyg=", "RgQyg");
      case "timestamp missing" -> TEXT.replace("timestamp 2026-11-02T09:00:00.125Z\n", "");
      case "timestamp not canonical" -> TEXT.replace("09:00:00.125Z", "09:00:00.125000Z");
      case "timestamp not a time" -> TEXT.replace("2026-11-02T09:00:00.125Z", "yesterday");
      case "no blank line" -> TEXT.replace("125Z\n\n", "125Z\n");
      case "hyphen not em dash" -> TEXT.replace("\u2014 ", "- ");
      case "signature short" -> TEXT.replace("Pj8=", "");
      case "two signatures" -> TEXT + TEXT.substring(TEXT.indexOf('\u2014'));
      case "extra space" -> TEXT.replace("acme-log-2026 ", "acme-log-2026  ");
      case "crlf" -> TEXT.replace("\n", "\r\n");
      default -> throw new AssertionError(change);
    };
    assertThat(bad).isNotEqualTo(TEXT);

    assertThatThrownBy(() -> Checkpoint.parse(bad))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("checkpoint");
  }

  @Test
  void namesTheLineThatIsWrong() {
    assertThatThrownBy(() -> Checkpoint.parse(TEXT.replace("\n8\n", "\n08\n")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.line()).hasValue(2);
          assertThat(e.field()).hasValue("checkpoint");
        });
  }

  @Test
  void truncatesTheTimestampToMilliseconds() {
    assertThat(HEAD.timestamp()).isEqualTo(Instant.parse("2026-11-02T09:00:00.125Z"));
    assertThatThrownBy(() -> new TreeHead(TenantId.of("a"), -1, ROOT, Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
