package io.convener.core.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Reads JSON Lines: one object per line; blank lines are skipped, a line that is not UTF-8 is
 * rejected. Not thread-safe.
 */
final class JsonLinesReader implements LineReader {
  private final BufferedReader in;
  private final StrictUtf8Reader source;
  private final ObjectMapper json;
  private final RecordMapper mapper;
  private long line;

  /** Reads lines from {@code in}, a buffer over {@code source}, which it asks about bad bytes. */
  JsonLinesReader(BufferedReader in, StrictUtf8Reader source, ObjectMapper json, RecordMapper mapper) {
    this.in = in;
    this.source = source;
    this.json = json;
    this.mapper = mapper;
  }

  @Override
  public @Nullable ParsedLine next() throws IOException {
    String text;
    do {
      text = in.readLine();
      line++;
      if (text == null) {
        return null;
      }
    } while (text.isBlank());
    StrictUtf8Reader.Malformed bad = source.onLine(line);
    if (bad != null) {
      return RecordMapper.rejected(line, null, bad.reason());
    }
    if (line == 1 && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    JsonNode node;
    try {
      node = json.readTree(text);
    } catch (JsonProcessingException e) {
      return RecordMapper.rejected(line, null, "not valid JSON: " + e.getOriginalMessage());
    }
    if (!(node instanceof ObjectNode object)) {
      return RecordMapper.rejected(line, null, "must be a JSON object, got " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    return mapper.map(object, line);
  }

  @Override
  public void close() {
    // The caller owns the stream.
  }
}
