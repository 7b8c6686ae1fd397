package io.convener.examples.signal;

import static java.util.Objects.requireNonNull;

import io.convener.api.InvalidInputException;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.spi.signal.Signal;
import io.convener.spi.signal.SignalValue;
import io.convener.spi.signal.SignalValues;
import io.convener.spi.signal.SignalWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signal {@code code-reviews}: how much review work each member did in the window, from a CSV
 * export with the header {@code tenant,reviewer,author,at,change,comments} (one row per review;
 * {@code at} an RFC 3339 instant; {@code comments} a whole number). A review counts {@code 1 +
 * ln(1 + comments)}: thorough reviews count more, with diminishing returns; a review of one's own
 * change counts nothing. The evidence is the reviewed change ids, most recent first (at most five).
 * Rows of other tenants are ignored. The file is read on every request, so a refreshed export is
 * seen at once. Thread-safe.
 */
public final class CodeReviewSignal implements Signal {
  /** The signal's name: its component in the champion score. */
  public static final String NAME = "code-reviews";
  private static final List<String> HEADER = List.of("tenant", "reviewer", "author", "at", "change", "comments");

  private final Path csv;

  /** A signal reading this export. */
  public CodeReviewSignal(Path csv) {
    this.csv = requireNonNull(csv, "csv");
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Reviews weigh 0.15 unless the tenant sets another weight. */
  @Override
  public double defaultWeight() {
    return 0.15;
  }

  @Override
  public SignalValues compute(TenantId tenant, SignalWindow window) {
    List<String> lines;
    try {
      lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the code-review export", e);
    }
    if (lines.isEmpty() || !List.of(lines.get(0).strip().split(",", -1)).equals(HEADER)) {
      throw new InvalidInputException("header", 1, "the code-review export must start with " + String.join(",", HEADER));
    }
    Map<MemberId, Double> value = new HashMap<>();
    Map<MemberId, List<Review>> changes = new HashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] f = lines.get(i).split(",", -1);
      if (f.length != HEADER.size()) {
        throw new InvalidInputException("row", i + 1, "expected " + HEADER.size() + " fields, got " + f.length);
      }
      if (!f[0].strip().equals(tenant.value())) {
        continue;
      }
      Instant at = instant(f[3].strip(), i + 1);
      MemberId reviewer = MemberId.of(f[1].strip());
      if (!window.contains(at) || reviewer.value().equals(f[2].strip())) {
        continue;
      }
      int comments = comments(f[5].strip(), i + 1);
      value.merge(reviewer, 1 + Math.log1p(comments), Double::sum);
      changes.computeIfAbsent(reviewer, k -> new ArrayList<>()).add(new Review(at, f[4].strip()));
    }
    Map<MemberId, SignalValue> out = new LinkedHashMap<>();
    value.forEach((member, v) -> {
      List<Review> r = changes.get(member);
      r.sort((a, b) -> b.at().compareTo(a.at()));
      out.put(member, new SignalValue(v, r.stream().limit(5).map(x -> "reviewed " + x.change()).toList()));
    });
    return new SignalValues(out);
  }

  private record Review(Instant at, String change) {}

  private static Instant instant(String s, int line) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("at", line, "not an RFC 3339 instant: '" + s + "'");
    }
  }

  private static int comments(String s, int line) {
    try {
      int n = Integer.parseInt(s);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new InvalidInputException("comments", line, "not a whole number >= 0: '" + s + "'");
    }
  }
}
