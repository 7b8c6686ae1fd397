package io.convener.examples.cli;

import io.convener.api.provenance.ProvenanceEntry;
import io.convener.examples.cli.Table.Column;
import java.util.Locale;

/**
 * The rows of {@code convener provenance --format csv}: one per entry, in log order; the entities
 * an entry used or generated are separated by {@code ;} within their cell, as list fields are in
 * the CSV input format.
 */
final class ProvenanceRows {
  private ProvenanceRows() {}

  /** An empty table with the columns. */
  static Table table() {
    return new Table(Column.number("sequence", 0), Column.text("at"), Column.text("activity"), Column.text("agent"),
        Column.text("status"), Column.text("code"), Column.text("reason"), Column.text("used"),
        Column.text("generated"));
  }

  /** Adds one entry's row. */
  static void add(Table table, ProvenanceEntry e) {
    boolean ok = e.outcome().isOk();
    table.row(e.sequence(), e.at().toString(), e.activity(), e.agent().id(),
        e.outcome().status().name().toLowerCase(Locale.ROOT), ok ? null : e.outcome().code(),
        ok ? null : e.outcome().reason(), String.join(";", e.used()), String.join(";", e.generated()));
  }
}
