package io.convener.examples.cli;

import io.convener.api.innovation.SharingAgreement;
import io.convener.api.innovation.SharingTerms;
import io.convener.examples.cli.Table.Column;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The output of {@code convener innovation agreements} (and of {@code share}, {@code accept} and
 * {@code withdraw}, which print the agreements after the change): this tenant's side of each
 * sharing agreement, as JSON {@code {"agreements":[…]}}, a table or CSV.
 */
final class AgreementOutput {
  private AgreementOutput() {}

  /** Prints the agreements in the format {@code --format} asks for. */
  static void print(GlobalOptions options, PrintWriter out, List<SharingAgreement> agreements) {
    if (options.json()) {
      List<Map<String, Object>> docs = new ArrayList<>();
      for (SharingAgreement a : agreements) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("direction", a.terms().direction().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        m.put("counterpart", a.terms().counterpart().value());
        m.put("recordedBy", a.recordedBy());
        m.put("recordedAt", a.recordedAt().toString());
        docs.add(m);
      }
      Json.print(out, Map.of("agreements", docs));
      return;
    }
    if (agreements.isEmpty() && !options.csv()) {
      out.println("no sharing agreements");
      out.flush();
      return;
    }
    Table t = new Table(Column.text("direction"), Column.text("counterpart"), Column.text("recordedBy"),
        Column.text("recordedAt"));
    for (SharingAgreement a : agreements) {
      t.row(a.terms().direction() == SharingTerms.Direction.SHARE_WITH ? "share with" : "accept from",
          a.terms().counterpart().value(), a.recordedBy(), a.recordedAt().toString());
    }
    t.print(out, options.format);
  }
}
