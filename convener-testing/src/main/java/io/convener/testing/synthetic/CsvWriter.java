package io.convener.testing.synthetic;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import io.convener.api.CohortId;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.OrgUnit;
import io.convener.api.TeamId;
import io.convener.api.model.Event;
import io.convener.api.model.Member;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes members and events as CSV in the interchange format's CSV form (CONTRACT.md section 2,
 * {@code ingest}): a header row of the interchange field names, then one row per member or event.
 * Members and events share one header, the union of their fields with {@code type} first; a row
 * leaves the other kind's fields empty. List fields are joined with {@code ;}, {@code attrs} is a
 * JSON string, and fields are quoted as RFC 4180 says (when they hold a comma, a quote or a line
 * break). Rows end with {@code \n}; the same input always gives the same text.
 *
 * <p>Streams; memory does not grow with the output. I/O failures surface as {@link
 * UncheckedIOException}. Not thread-safe. {@link #close()} flushes and closes the underlying writer.
 */
public final class CsvWriter implements Closeable, Flushable {
  /** The header's field names, in column order. */
  public static final List<String> HEADER = header();

  private final Writer out;
  private final StringWriter attrsText = new StringWriter();
  private boolean headerWritten;
  private long rows;

  private CsvWriter(Writer out) {
    this.out = out;
  }

  /** A writer onto a character stream; the header is written before the first row. */
  public static CsvWriter to(Writer out) {
    return new CsvWriter(requireNonNull(out, "out"));
  }

  /**
   * Writes a whole organisation to a UTF-8 file (created or replaced): the header, every member,
   * then every event.
   *
   * @return the number of rows written, not counting the header
   */
  public static long write(GeneratedOrganisation org, Path file) {
    requireNonNull(org, "org");
    try (CsvWriter w = to(new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16))) {
      return w.writeAll(org);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes every member of the organisation, then every event, in order.
   *
   * @return the number of rows this call wrote, not counting the header
   */
  public long writeAll(GeneratedOrganisation org) {
    long before = rows;
    for (Member m : org.members()) {
      member(m);
    }
    for (Iterator<Event> it = org.eventIterator(); it.hasNext(); ) {
      event(it.next());
    }
    return rows - before;
  }

  /** Writes one member row. */
  public void member(Member member) {
    requireNonNull(member, "member");
    String[] row = emptyRow();
    put(row, "type", "member");
    put(row, "id", member.id().value());
    put(row, "teams", join(member.teams().stream().map(TeamId::value).toList()));
    put(row, "cohorts", join(member.cohorts().stream().map(CohortId::value).toList()));
    put(row, "org", member.org().map(OrgUnit::path).orElse(""));
    put(row, "displayName", member.displayName().orElse(""));
    put(row, "email", member.email().orElse(""));
    put(row, "skills", join(member.skills()));
    writeRow(row);
  }

  /** Writes one event row. */
  public void event(Event event) {
    requireNonNull(event, "event");
    String[] row = emptyRow();
    put(row, "type", "event");
    put(row, "id", event.id().value());
    put(row, "at", event.at().toString());
    put(row, "kind", event.kind().wireName());
    put(row, "actor", event.actor().value());
    put(row, "targets", join(event.targets().stream().map(MemberId::value).toList()));
    put(row, "team", event.team().map(TeamId::value).orElse(""));
    put(row, "weight", event.weight() == 1.0 ? "" : Interchange.numberText(event.weight()));
    put(row, "sentiment", event.sentiment().isPresent() ? Double.toString(event.sentiment().getAsDouble()) : "");
    put(row, "refs", join(event.refs().stream().map(EventId::value).toList()));
    put(row, "tags", join(event.tags()));
    put(row, "attrs", event.attrs().isEmpty() ? "" : json(event));
    writeRow(row);
  }

  /** How many rows this writer has written, not counting the header. */
  public long rows() {
    return rows;
  }

  @Override
  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      if (!headerWritten) {
        writeLine(HEADER.toArray(new String[0]));
        headerWritten = true;
      }
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String json(Event event) {
    attrsText.getBuffer().setLength(0);
    try (JsonGenerator g = Interchange.JSON.createGenerator(attrsText)) {
      Interchange.writeValue(g, event.attrs().values());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return attrsText.toString();
  }

  private void writeRow(String[] row) {
    try {
      if (!headerWritten) {
        writeLine(HEADER.toArray(new String[0]));
        headerWritten = true;
      }
      writeLine(row);
      rows++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeLine(String[] fields) throws IOException {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      String f = fields[i];
      if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
        out.write('"');
        out.write(f.replace("\"", "\"\""));
        out.write('"');
      } else {
        out.write(f);
      }
    }
    out.write('\n');
  }

  private static String[] emptyRow() {
    String[] row = new String[HEADER.size()];
    Arrays.fill(row, "");
    return row;
  }

  private static void put(String[] row, String field, String value) {
    row[HEADER.indexOf(field)] = value;
  }

  private static String join(List<String> values) {
    return values.stream().collect(Collectors.joining(";"));
  }

  private static List<String> header() {
    Set<String> fields = new LinkedHashSet<>(Interchange.MEMBER_FIELDS);
    fields.addAll(Interchange.EVENT_FIELDS);
    return List.copyOf(new ArrayList<>(fields));
  }
}
