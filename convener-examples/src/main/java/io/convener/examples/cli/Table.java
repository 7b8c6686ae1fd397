package io.convener.examples.cli;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * A table a command prints: aligned columns for {@code --format table} (text to the left, numbers
 * to the right), or a header row and one row per item for {@code --format csv}. CSV is written by
 * Jackson's CSV generator, which quotes what needs quoting; cells hold full precision there.
 * Whole numbers ({@code Integer}, {@code Long}) print as integers; a real number prints with its
 * column's decimals, and never as {@code -0.00}. A missing value is {@code -} in the table and an
 * empty cell in CSV.
 */
final class Table {
  private static final CsvMapper CSV =
      CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
  private static final String MISSING = "-";

  private final List<Column> columns;
  private final List<@Nullable Object[]> rows = new ArrayList<>();

  /** One column: its header, and how many decimals a real number gets in the table ({@code -1}: text). */
  record Column(String name, int decimals) {
    /** A text column, left-aligned. */
    static Column text(String name) {
      return new Column(name, -1);
    }

    /** A numeric column, right-aligned, real numbers shown with {@code decimals} decimals. */
    static Column number(String name, int decimals) {
      return new Column(name, decimals);
    }

    boolean numeric() {
      return decimals >= 0;
    }
  }

  Table(Column... columns) {
    this(List.of(columns));
  }

  Table(List<Column> columns) {
    this.columns = List.copyOf(columns);
  }

  /** Adds a row; one cell per column: a string, a number, an {@code OptionalDouble}, or null for none. */
  Table row(@Nullable Object... cells) {
    if (cells.length != columns.size()) {
      throw new IllegalArgumentException(cells.length + " cells for " + columns.size() + " columns");
    }
    rows.add(cells.clone());
    return this;
  }

  int size() {
    return rows.size();
  }

  /** Prints the table as {@code --format} asks: CSV for {@code csv}, aligned text otherwise. */
  void print(PrintWriter out, GlobalOptions.Format format) {
    if (format == GlobalOptions.Format.csv) {
      csv(out);
    } else {
      text(out);
    }
    out.flush();
  }

  /** The aligned text: a header line, then one line per row; the last column is not padded. */
  void text(PrintWriter out) {
    List<String[]> lines = new ArrayList<>();
    lines.add(columns.stream().map(Column::name).toArray(String[]::new));
    for (@Nullable Object[] row : rows) {
      String[] line = new String[columns.size()];
      for (int i = 0; i < line.length; i++) {
        line[i] = shown(row[i], columns.get(i).decimals());
      }
      lines.add(line);
    }
    int[] width = new int[columns.size()];
    for (String[] line : lines) {
      for (int i = 0; i < line.length; i++) {
        width[i] = Math.max(width[i], line[i].length());
      }
    }
    for (String[] line : lines) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < line.length; i++) {
        boolean last = i == line.length - 1;
        String pad = " ".repeat(width[i] - line[i].length());
        b.append(i == 0 ? "" : "  ");
        b.append(columns.get(i).numeric() ? pad + line[i] : last ? line[i] : line[i] + pad);
      }
      out.println(b.toString().stripTrailing());
    }
  }

  /** The CSV: a header row, then one row per item. */
  void csv(PrintWriter out) {
    CsvSchema.Builder schema = CsvSchema.builder();
    columns.forEach(c -> schema.addColumn(c.name()));
    try (SequenceWriter w = CSV.writer(schema.build().withHeader()).writeValues(out)) {
      for (@Nullable Object[] row : rows) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < row.length; i++) {
          cells.put(columns.get(i).name(), exact(row[i]));
        }
        w.write(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write CSV output", e);
    }
  }

  /** A cell as the table shows it. */
  static String shown(@Nullable Object cell, int decimals) {
    Object value = present(cell);
    if (value == null) {
      return MISSING;
    }
    if (value instanceof Double || value instanceof Float) {
      double x = ((Number) value).doubleValue();
      if (!Double.isFinite(x)) {
        return MISSING;
      }
      String s = String.format(Locale.ROOT, "%." + Math.max(decimals, 0) + "f", x);
      return s.startsWith("-") && s.chars().skip(1).allMatch(c -> c == '0' || c == '.') ? s.substring(1) : s;
    }
    return String.valueOf(value);
  }

  /** A cell as CSV holds it: full precision, integers as integers, no negative zero, empty for none. */
  static String exact(@Nullable Object cell) {
    Object value = present(cell);
    if (value == null) {
      return "";
    }
    if (value instanceof Double || value instanceof Float) {
      double x = ((Number) value).doubleValue();
      if (!Double.isFinite(x)) {
        return "";
      }
      return x == 0 ? "0" : BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }

  private static @Nullable Object present(@Nullable Object cell) {
    if (cell instanceof OptionalDouble o) {
      return o.isPresent() ? o.getAsDouble() : null;
    }
    return cell;
  }
}
