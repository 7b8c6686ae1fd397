package io.convener.core.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.convener.api.EventId;
import io.convener.api.TenantId;
import io.convener.api.ingest.IngestReport;
import io.convener.api.ingest.InputFormat;
import io.convener.api.ingest.Rejection;
import io.convener.core.ConvenerSettings;
import io.convener.core.internal.feed.IngestFeed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Input that is not UTF-8: the line is rejected by its number and the offset of the bad byte. */
class InvalidUtf8Test {
  private static final TenantId ACME = TenantId.of("acme");

  private static final byte[][] ENDINGS = {{'\n'}, {'\r', '\n'}, {'\r'}};

  private final MapStores stores = new MapStores(true);
  private final Ingester ingest =
      new Ingester(stores, stores, (t, s, d) -> {}, IngestFeed.none(), new RecordingRecorder(),
          ConvenerSettings.defaults());

  private static String event(String id) {
    return "{\"id\":\"" + id + "\",\"at\":\"2026-11-02T09:00:00Z\",\"kind\":\"message\",\"actor\":\"ana\"}";
  }

  /** The bytes of {@code text} with each {@code %XX} replaced by the byte XX. */
  private static byte[] bytes(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String[] parts = text.split("%", -1);
    out.writeBytes(parts[0].getBytes(UTF_8));
    for (int i = 1; i < parts.length; i++) {
      out.write(HexFormat.fromHexDigits(parts[i].substring(0, 2)));
      out.writeBytes(parts[i].substring(2).getBytes(UTF_8));
    }
    return out.toByteArray();
  }

  private IngestReport ingest(byte[] input, InputFormat format) {
    return ingest.ingest(ACME, IngesterTest.RUN, new ByteArrayInputStream(input), format);
  }

  @Test
  void twoIdsThatDifferOnlyInBadBytesNoLongerCollide() {
    String first = event("ok") + "\n";
    byte[] input = bytes(first + event("e%FF1") + "\n" + event("e%FE1") + "\n" + event("caf\u00e9") + "\n");

    IngestReport report = ingest(input, InputFormat.JSON_LINES);

    assertThat(report.events()).isEqualTo(2);
    assertThat(report.duplicates()).isZero();
    int offset = first.getBytes(UTF_8).length + 8; // {"id":"e is 8 bytes
    int second = offset + event("e?1").length() + 1;
    assertThat(report.rejected()).extracting(Rejection::line, Rejection::describe).containsExactly(
        tuple(2L, "not valid UTF-8: byte 0xFF at byte offset " + offset + " of the input"),
        tuple(3L, "not valid UTF-8: byte 0xFE at byte offset " + second + " of the input"));
    assertThat(stores.events.get(ACME)).containsOnlyKeys(EventId.of("ok"), EventId.of("caf\u00e9"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "stray continuation byte, %80",
    "sequence cut short, %C3",
    "overlong slash, %C0%AF",
    "encoded surrogate, %ED%A0%80",
    "beyond U+10FFFF, %F4%90%80%80",
    "never in UTF-8, %F8"
  })
  void eachKindOfBadSequenceRejectsItsLineOnly(String name, String bad) {
    String lineOne = event("a") + "\r\n";
    String linesOneToThree = lineOne + event("b" + bad + "c") + "\r\n\r\n";
    byte[] input = bytes(linesOneToThree + event("d" + bad)); // no line break at the end

    IngestReport report = ingest(input, InputFormat.JSON_LINES);

    String reason = "not valid UTF-8: byte 0x" + bad.substring(1, 3) + " at byte offset %d of the input";
    assertThat(report.rejected()).extracting(Rejection::line, Rejection::reason).containsExactly(
        tuple(2L, String.format(reason, lineOne.length() + 8)),
        tuple(4L, String.format(reason, bytes(linesOneToThree).length + 8)));
    assertThat(stores.events.get(ACME)).containsOnlyKeys(EventId.of("a"));
  }

  @Test
  void aLineLongerThanTheReadBufferIsCheckedWhole() {
    String tags = "\"" + "t\u00e9".repeat(50_000) + "\"";
    String good = event("long").replace("}", ",\"tags\":[" + tags + "]}");
    String spoiled = event("spoiled").replace("}", ",\"tags\":[" + tags + ",\"x%FFy\"]}");
    byte[] input = bytes(good + "\r" + spoiled + "\r");

    IngestReport report = ingest(input, InputFormat.JSON_LINES);

    int offset = bytes(good + "\r" + spoiled.substring(0, spoiled.indexOf('%'))).length;
    assertThat(report.rejected()).extracting(Rejection::line, Rejection::reason)
        .containsExactly(tuple(2L, "not valid UTF-8: byte 0xFF at byte offset " + offset + " of the input"));
    assertThat(stores.events.get(ACME)).containsOnlyKeys(EventId.of("long"));
  }

  @Test
  void aCsvRecordIsRejectedWhereverItsBadByteIsAndABadHeaderStopsTheFile() {
    String header = "id,at,kind,actor,attrs\n";
    String spanning = "e1,2026-11-02T09:00:00Z,message,ana,\"{\"\"text\"\":\n\"\"x%E9y\"\"}\"\n";
    byte[] input = bytes(header + spanning + "e2,2026-11-02T09:00:00Z,message,ana,\n");

    IngestReport report = ingest(input, InputFormat.CSV);

    assertThat(report.events()).isEqualTo(1);
    int offset = header.length() + spanning.indexOf('%');
    assertThat(report.rejected()).extracting(Rejection::line, Rejection::reason)
        .containsExactly(tuple(2L, "not valid UTF-8: byte 0xE9 at byte offset " + offset + " of the input"));

    IngestReport badHeader = ingest(bytes("id,at,ki%FFnd,actor\ne3,2026-11-02T09:00:00Z,message,ana\n"), InputFormat.CSV);

    assertThat(badHeader.accepted()).isZero();
    assertThat(badHeader.rejected()).singleElement().satisfies(r -> assertThat(r.reason())
        .startsWith("not valid UTF-8: byte 0xFF at byte offset 8 ").contains("the rest of the file was not read"));
  }

  /**
   * Lines of one- to four-byte characters, one in five with a bad byte put in before a character,
   * over several 64 KiB read buffers and with every line ending: exactly the spoiled lines are
   * rejected, each naming the byte put in and its offset.
   */
  @RepeatedTest(5)
  void acrossReadBuffersExactlyTheSpoiledLinesAreRejected(RepetitionInfo repetition) {
    long seed = System.nanoTime() + repetition.getCurrentRepetition();
    System.out.println("InvalidUtf8Test seed " + seed);
    Random random = new Random(seed);
    String[] alphabet = {"a", "Z", "7", "\u00e9", "\u20ac", "\ud83d\ude00", "\u4e2d"};
    int[] badBytes = {0x80, 0xBF, 0xC3, 0xE2, 0xF0, 0xFF};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Map<Long, String> expected = new LinkedHashMap<>();
    long lines = 0;
    while (out.size() < 300_000) {
      lines++;
      StringBuilder id = new StringBuilder("id" + lines + "-");
      for (int n = random.nextInt(40); n > 0; n--) {
        id.append(alphabet[random.nextInt(alphabet.length)]);
      }
      byte[] text = event(id.toString()).getBytes(UTF_8);
      if (random.nextInt(5) == 0) {
        int at = 8 + random.nextInt(id.toString().getBytes(UTF_8).length - 1); // inside the id
        while ((text[at] & 0xC0) == 0x80) {
          at--; // before a character's first byte, so that the byte put in is the bad one
        }
        int bad = badBytes[random.nextInt(badBytes.length)];
        out.write(text, 0, at);
        expected.put(lines, String.format("0x%02X at byte offset %d", bad, out.size()));
        out.write(bad);
        out.write(text, at, text.length - at);
      } else {
        out.writeBytes(text);
      }
      out.writeBytes(ENDINGS[random.nextInt(ENDINGS.length)]);
    }

    IngestReport report = ingest(out.toByteArray(), InputFormat.JSON_LINES);

    assertThat(report.rejectedCount()).as("seed %d", seed).isEqualTo(expected.size());
    Map<Long, String> rejected = report.rejected().stream().collect(Collectors.toMap(
        Rejection::line, r -> r.reason().replace("not valid UTF-8: byte ", "").replace(" of the input", "")));
    assertThat(rejected).as("seed %d", seed).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(stores.events.get(ACME)).as("seed %d", seed).hasSize((int) (lines - expected.size()));
  }
}
