package io.convener.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.examples.cli.Table.Column;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** {@link Table}: aligned columns, integers as integers, no negative zero, CSV quoting by Jackson. */
class TableTest {
  private static String text(Table t) {
    StringWriter s = new StringWriter();
    t.text(new PrintWriter(s, true));
    return s.toString();
  }

  private static String csv(Table t) {
    StringWriter s = new StringWriter();
    t.csv(new PrintWriter(s, true));
    return s.toString();
  }

  private static Table sample() {
    return new Table(Column.text("member"), Column.number("count", 2), Column.number("score", 2), Column.text("note"))
        .row("a", 40L, 0.5, "short")
        .row("a much longer id", 7, -0.001, null)
        .row("b", 1234, OptionalDouble.empty(), "x");
  }

  @Test
  void columnsAlignTextLeftAndNumbersRight() {
    List<String> lines = text(sample()).lines().toList();
    assertThat(lines).containsExactly(
        "member            count  score  note",
        "a                    40   0.50  short",
        "a much longer id      7   0.00  -",
        "b                  1234      -  x");
  }

  @Test
  void wholeNumbersPrintAsIntegersAndRealOnesWithTheirDecimals() {
    assertThat(Table.shown(40L, 2)).isEqualTo("40");
    assertThat(Table.shown(40, 2)).isEqualTo("40");
    assertThat(Table.shown(40.0, 2)).isEqualTo("40.00");
    assertThat(Table.shown(0.123456, 4)).isEqualTo("0.1235");
    assertThat(Table.exact(40L)).isEqualTo("40");
    assertThat(Table.exact(2.0)).isEqualTo("2");
    assertThat(Table.exact(100.0)).isEqualTo("100");
    assertThat(Table.exact(0.1)).isEqualTo("0.1");
  }

  @Test
  void negativeZeroIsNeverShown() {
    assertThat(Table.shown(-0.0, 2)).isEqualTo("0.00");
    assertThat(Table.shown(-0.004, 2)).isEqualTo("0.00");
    assertThat(Table.shown(-0.4, 0)).isEqualTo("0");
    assertThat(Table.shown(-0.01, 2)).isEqualTo("-0.01");
    assertThat(Table.shown(-10.0, 0)).isEqualTo("-10");
    assertThat(Table.exact(-0.0)).isEqualTo("0");
    assertThat(Table.exact(-0.25)).isEqualTo("-0.25");
  }

  @Test
  void missingAndUndefinedValuesAreADashInTheTableAndEmptyInCsv() {
    assertThat(Table.shown(null, 2)).isEqualTo("-");
    assertThat(Table.shown(Double.NaN, 2)).isEqualTo("-");
    assertThat(Table.shown(OptionalDouble.empty(), 2)).isEqualTo("-");
    assertThat(Table.exact(Double.POSITIVE_INFINITY)).isEmpty();
    assertThat(Table.exact(OptionalDouble.of(-0.0))).isEqualTo("0");
  }

  @Test
  void csvHasAHeaderAndQuotesCommasQuotesAndLineBreaks() {
    Table t = new Table(Column.text("member"), Column.number("n", 0), Column.text("note"))
        .row("lee, ann", 3L, "said \"hi\"")
        .row("bo", 0.5, "two\nlines")
        .row("cy", null, null);
    assertThat(csv(t)).isEqualTo("member,n,note\n\"lee, ann\",3,\"said \"\"hi\"\"\"\nbo,0.5,\"two\nlines\"\ncy,,\n");
    assertThat(csv(new Table(Column.text("only")))).isEqualTo("only\n");
  }

  @Test
  void aRowMustHaveOneCellPerColumn() {
    Table t = new Table(Column.text("a"), Column.text("b"));
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> t.row("x"))
        .withMessage("1 cells for 2 columns");
  }
}
