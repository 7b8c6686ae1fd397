package io.convener.testing.synthetic;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.convener.api.CohortId;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.model.Event;
import io.convener.api.model.Member;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Writes members and events as JSON Lines exactly as the interchange format (CONTRACT.md section
 * 1) describes: one object per line, {@code "type":"member"} or {@code "type":"event"} first,
 * {@code at} in RFC 3339 UTC, {@code attrs} as an object, and absent optional fields (empty lists,
 * no team, no sentiment, weight 1) left out. Output is UTF-8, each line ends with {@code \n}, and
 * the same input always gives the same bytes.
 *
 * <p>Streams through Jackson's {@link JsonGenerator}; memory does not grow with the output. I/O
 * failures surface as {@link UncheckedIOException}. Not thread-safe. {@link #close()} flushes and
 * closes the underlying stream or writer.
 */
public final class JsonLinesWriter implements Closeable, Flushable {
  private final JsonGenerator json;
  private long lines;

  private JsonLinesWriter(JsonGenerator json) {
    this.json = json;
  }

  /** A writer onto a byte stream, encoding UTF-8. */
  public static JsonLinesWriter to(OutputStream out) {
    requireNonNull(out, "out");
    try {
      return new JsonLinesWriter(Interchange.JSON.createGenerator(out, JsonEncoding.UTF8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A writer onto a character stream. */
  public static JsonLinesWriter to(Writer out) {
    requireNonNull(out, "out");
    try {
      return new JsonLinesWriter(Interchange.JSON.createGenerator(out));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a whole organisation to a file (created or replaced): every member, then every event.
   *
   * @return the number of lines written
   */
  public static long write(GeneratedOrganisation org, Path file) {
    requireNonNull(org, "org");
    try (JsonLinesWriter w = to(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      return w.writeAll(org);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes every member of the organisation, then every event, in order.
   *
   * @return the number of lines this call wrote
   */
  public long writeAll(GeneratedOrganisation org) {
    long before = lines;
    for (Member m : org.members()) {
      member(m);
    }
    for (Iterator<Event> it = org.eventIterator(); it.hasNext(); ) {
      event(it.next());
    }
    return lines - before;
  }

  /** Writes one {@code {"type":"member",...}} line. */
  public void member(Member member) {
    requireNonNull(member, "member");
    try {
      json.writeStartObject();
      json.writeStringField("type", "member");
      json.writeStringField("id", member.id().value());
      list("teams", member.teams(), TeamId::value);
      list("cohorts", member.cohorts(), CohortId::value);
      if (member.org().isPresent()) {
        json.writeStringField("org", member.org().get().path());
      }
      if (member.displayName().isPresent()) {
        json.writeStringField("displayName", member.displayName().get());
      }
      if (member.email().isPresent()) {
        json.writeStringField("email", member.email().get());
      }
      list("skills", member.skills(), Function.identity());
      endLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes one {@code {"type":"event",...}} line. */
  public void event(Event event) {
    requireNonNull(event, "event");
    try {
      json.writeStartObject();
      json.writeStringField("type", "event");
      json.writeStringField("id", event.id().value());
      json.writeStringField("at", event.at().toString());
      json.writeStringField("kind", event.kind().wireName());
      json.writeStringField("actor", event.actor().value());
      list("targets", event.targets(), MemberId::value);
      if (event.team().isPresent()) {
        json.writeStringField("team", event.team().get().value());
      }
      if (event.weight() != 1.0) {
        json.writeFieldName("weight");
        Interchange.writeNumber(json, event.weight());
      }
      if (event.sentiment().isPresent()) {
        json.writeFieldName("sentiment");
        json.writeNumber(event.sentiment().getAsDouble());
      }
      list("refs", event.refs(), EventId::value);
      list("tags", event.tags(), Function.identity());
      if (!event.attrs().isEmpty()) {
        json.writeFieldName("attrs");
        Interchange.writeValue(json, event.attrs().values());
      }
      endLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many lines this writer has written. */
  public long lines() {
    return lines;
  }

  @Override
  public void flush() {
    try {
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      json.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <T> void list(String field, List<T> values, Function<T, String> text) throws IOException {
    if (values.isEmpty()) {
      return;
    }
    json.writeArrayFieldStart(field);
    for (T v : values) {
      json.writeString(text.apply(v));
    }
    json.writeEndArray();
  }

  private void endLine() throws IOException {
    json.writeEndObject();
    json.writeRaw('\n');
    lines++;
  }
}
