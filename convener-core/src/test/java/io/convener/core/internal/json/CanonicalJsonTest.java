package io.convener.core.internal.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.convener.api.model.Attrs;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** RFC 8785 §3.2.2: the example object, its canonical text (§3.2.2) and UTF-8 bytes (§3.2.4). */
  @Test
  void writesTheRfcExampleAsTheRfcDoes() throws IOException {
    Object parsed = MAPPER.readValue(resource("rfc8785-3.2.2.json"), Object.class);

    byte[] canonical = CanonicalJson.toBytes(parsed);

    assertThat(new String(canonical, UTF_8)).isEqualTo(new String(resource("rfc8785-3.2.2.expected"), UTF_8));
    assertThat(HexFormat.of().formatHex(canonical)).isEqualTo(
        "7b226c69746572616c73223a5b6e756c6c2c747275652c66616c73655d2c"
            + "226e756d62657273223a5b3333333333333333332e333333333333332c31"
            + "652b33302c342e352c302e3030322c31652d32375d2c22737472696e6722"
            + "3a22e282ac245c75303030665c6e4127425c225c5c5c5c5c222f227d");
  }

  /** RFC 8785 §3.2.3: members sorted by UTF-16 code units, so the emoji's surrogates sort before U+FB33. */
  @Test
  void sortsMembersByUtf16CodeUnitsAsTheRfcExampleShows() throws IOException {
    Object parsed = MAPPER.readValue(resource("rfc8785-3.2.3.json"), Object.class);

    String canonical = CanonicalJson.toText(parsed);

    assertThat(canonical).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
        + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
        + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
  }

  @Test
  void escapesOnlyWhatJcsEscapesInLowerCaseHex() {
    String all = "\u0000\u0001\b\t\n\u000b\f\r\u001f \"\\/\u007f\u0080\u2028\u2029\ud83d\ude00";

    assertThat(CanonicalJson.toText(all)).isEqualTo(
        "\"\\u0000\\u0001\\b\\t\\n\\u000b\\f\\r\\u001f \\\"\\\\/\u007f\u0080\u2028\u2029\ud83d\ude00\"");
  }

  @Test
  void rejectsUnpairedSurrogates() {
    assertThatThrownBy(() -> CanonicalJson.toBytes(Map.of("note", "a\ud83d")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$.note")
        .hasMessageContaining("unpaired surrogate U+D83D");
    assertThatThrownBy(() -> CanonicalJson.toBytes("\ude00a")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalJson.toBytes(Map.of("\udbff", 1))).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * RFC 8785 Appendix B: IEEE 754 bit patterns and their canonical form, copied from the RFC's
   * table (its NaN and Infinity rows are the rejection test below).
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0000000000000000, 0",
    "8000000000000000, 0",
    "0000000000000001, 5e-324",
    "8000000000000001, -5e-324",
    "7fefffffffffffff, 1.7976931348623157e+308",
    "ffefffffffffffff, -1.7976931348623157e+308",
    "4340000000000000, 9007199254740992",
    "c340000000000000, -9007199254740992",
    "4430000000000000, 295147905179352830000",
    "44b52d02c7e14af5, 9.999999999999997e+22",
    "44b52d02c7e14af6, 1e+23",
    "44b52d02c7e14af7, 1.0000000000000001e+23",
    "444b1ae4d6e2ef4e, 999999999999999700000",
    "444b1ae4d6e2ef4f, 999999999999999900000",
    "444b1ae4d6e2ef50, 1e+21",
    "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
    "3eb0c6f7a0b5ed8d, 0.000001",
    "41b3de4355555553, 333333333.3333332",
    "41b3de4355555554, 333333333.33333325",
    "41b3de4355555555, 333333333.3333333",
    "41b3de4355555556, 333333333.3333334",
    "41b3de4355555557, 333333333.33333343",
    "becbf647612f3696, -0.0000033333333333333333",
    "43143ff3c1cb0959, 1424953923781206.2",
  })
  void writesNumbersAsRfc8785AppendixB(String bits, String expected) {
    double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));

    assertThat(CanonicalJson.number(value)).isEqualTo(expected);
    assertThat(CanonicalJson.toText(List.of(value))).isEqualTo("[" + expected + "]");
  }

  /**
   * Hand-derived from ECMA-262 Number::toString: the notation switches at exponents -7 and 21, and
   * doubles where Java 17's {@link Double#toString(double)} is not shortest (JDK-4511638 prints
   * 2e23 as 1.9999999999999998E23).
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "1e-7, 1e-7",
    "1.5e-7, 1.5e-7",
    "0.0000015, 0.0000015",
    "1e20, 100000000000000000000",
    "1.5e21, 1.5e+21",
    "123456789012345680000, 123456789012345680000",
    "2e23, 2e+23",
    "1e23, 1e+23",
    "0.1, 0.1",
    "-1.5, -1.5",
    "100, 100",
    "4.35, 4.35",
    "5e-324, 5e-324",
    "2.2250738585072014e-308, 2.2250738585072014e-308",
  })
  void writesNotationSwitchesAndJdkNonShortestCases(double value, String expected) {
    assertThat(CanonicalJson.number(value)).isEqualTo(expected);
  }

  /** 2,000 doubles as Node.js writes them; see the header of the resource for how they were made. */
  @Test
  void agreesWithEcmascriptOnTwoThousandDoubles() throws IOException {
    String[] lines = new String(resource("ecmascript-numbers.txt"), UTF_8).split("\n");
    int checked = 0;
    List<String> differences = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] parts = line.split(" ");
      double value = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
      String got = CanonicalJson.number(value);
      if (!got.equals(parts[1])) {
        differences.add(parts[0] + ": want " + parts[1] + ", got " + got);
      }
      checked++;
    }
    assertThat(checked).isEqualTo(2000);
    assertThat(differences).isEmpty();
  }

  @Test
  void writesIntegersExactlyUpTo2Pow53AndAsTheNearestDoubleBeyond() {
    assertThat(CanonicalJson.number(9007199254740992L)).isEqualTo("9007199254740992");
    assertThat(CanonicalJson.number(-9007199254740992L)).isEqualTo("-9007199254740992");
    assertThat(CanonicalJson.number(9007199254740993L)).isEqualTo("9007199254740992");
    assertThat(CanonicalJson.number(9007199254740995L)).isEqualTo("9007199254740996");
    assertThat(CanonicalJson.number(Long.MAX_VALUE)).isEqualTo("9223372036854776000");
    assertThat(CanonicalJson.number(Long.MIN_VALUE)).isEqualTo("-9223372036854776000");
    assertThat(CanonicalJson.toText(List.of(1, (short) 2, (byte) 3, 4L, -0.0, 0.5f)))
        .isEqualTo("[1,2,3,4,0,0.5]");
    assertThat(CanonicalJson.toText(List.of(BigInteger.TWO.pow(70), new BigDecimal("0.10"), BigInteger.TEN)))
        .isEqualTo("[1.1805916207174113e+21,0.1,10]");
  }

  @Test
  void rejectsNanAndInfinityNamingThePath() {
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      assertThatThrownBy(() -> CanonicalJson.number(bad)).isInstanceOf(IllegalArgumentException.class);
      Map<String, Object> value = Map.of("a", List.of(1, Map.of("b", bad)));
      assertThatThrownBy(() -> CanonicalJson.toBytes(value))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("$.a[1].b: ");
    }
  }

  @Test
  void memberOrderDoesNotDependOnInsertionOrder() {
    Map<String, Object> forwards = new LinkedHashMap<>();
    Map<String, Object> backwards = new LinkedHashMap<>();
    List<String> names = List.of("b", "a", "aa", "B", "\u00e9", "", "10", "9");
    for (int i = 0; i < names.size(); i++) {
      forwards.put(names.get(i), i);
      backwards.put(names.get(names.size() - 1 - i), names.size() - 1 - i);
    }

    assertThat(CanonicalJson.toText(forwards))
        .isEqualTo(CanonicalJson.toText(backwards))
        .isEqualTo(CanonicalJson.toText(new TreeMap<>(forwards)))
        .isEqualTo("{\"\":5,\"10\":6,\"9\":7,\"B\":3,\"a\":1,\"aa\":2,\"b\":0,\"\u00e9\":4}");
  }

  @Test
  void writesAttrsAsItsObjectAndNullMembersAsNull() {
    Attrs attrs = Attrs.of(Map.of("z", List.of(true, false), "a", Map.of("n", 1.25, "s", "x")));
    Map<String, Object> withNull = new LinkedHashMap<>();
    withNull.put("k", null);

    assertThat(CanonicalJson.toText(attrs)).isEqualTo("{\"a\":{\"n\":1.25,\"s\":\"x\"},\"z\":[true,false]}");
    assertThat(CanonicalJson.toText(withNull)).isEqualTo("{\"k\":null}");
    assertThat(CanonicalJson.toText(null)).isEqualTo("null");
    assertThat(CanonicalJson.toText(Map.of())).isEqualTo("{}");
    assertThat(CanonicalJson.toText(List.of())).isEqualTo("[]");
  }

  @Test
  void rejectsWhatIsNotJson() {
    Map<Object, Object> numericKey = Map.of(1, "one");
    assertThatThrownBy(() -> CanonicalJson.toBytes(numericKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("member names must be strings");
    assertThatThrownBy(() -> CanonicalJson.toBytes(Set.of("a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a JSON value");
    assertThatThrownBy(() -> CanonicalJson.toBytes(List.of(new Object())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("$[0]: ");
  }

  @Test
  void rejectsNestingDeeperThanTheLimitAndCycles() {
    Object deep = "leaf";
    for (int i = 0; i < CanonicalJson.MAX_DEPTH; i++) {
      deep = List.of(deep);
    }
    Object tooDeep = List.of(deep);
    List<Object> cycle = new ArrayList<>();
    cycle.add(cycle);

    assertThat(CanonicalJson.toText(deep)).endsWith("\"leaf\"" + "]".repeat(CanonicalJson.MAX_DEPTH));
    assertThatThrownBy(() -> CanonicalJson.toBytes(tooDeep))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nested deeper than");
    assertThatThrownBy(() -> CanonicalJson.toBytes(cycle)).isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = CanonicalJsonTest.class.getResourceAsStream(name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    }
  }
}
