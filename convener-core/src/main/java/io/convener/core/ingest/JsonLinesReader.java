package io.convener.core.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads JSON Lines: one object per line; blank lines are skipped, a line that is not UTF-8 is
 * rejected. Lines end at {@code \n}, {@code \r} or {@code \r\n}, as {@link
 * java.io.BufferedReader#readLine()} has them; the reader splits them itself so that it knows where
 * each line lies in the text, to ask the {@link StrictUtf8Reader} about bad bytes. Not thread-safe.
 */
final class JsonLinesReader implements LineReader {
  private static final int BUFFER = 1 << 16;

  private final StrictUtf8Reader source;
  private final ObjectMapper json;
  private final RecordMapper mapper;
  private char[] buffer = new char[BUFFER];
  /** The unread text is {@code buffer[pos, end)}; {@code base} is the text offset of buffer[0]. */
  private int pos;
  private int end;
  private long base;
  /** The last line ended with {@code \r}: a {@code \n} right after it ends the same line. */
  private boolean afterCr;
  private long lineStart;
  private long line;

  JsonLinesReader(StrictUtf8Reader source, ObjectMapper json, RecordMapper mapper) {
    this.source = source;
    this.json = json;
    this.mapper = mapper;
  }

  @Override
  public @Nullable ParsedLine next() throws IOException {
    String text;
    do {
      text = readLine();
      line++;
      if (text == null) {
        return null;
      }
    } while (text.isBlank());
    StrictUtf8Reader.Malformed bad = source.inChars(lineStart, lineStart + text.length());
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

  /** The next line without its line break, or null at the end; sets {@link #lineStart}. */
  private @Nullable String readLine() throws IOException {
    if (afterCr) {
      if (pos == end && !fill()) {
        return null;
      }
      if (buffer[pos] == '\n') {
        pos++;
      }
      afterCr = false;
    }
    int scan = pos;
    while (true) {
      for (int i = scan; i < end; i++) {
        char c = buffer[i];
        if (c == '\n' || c == '\r') {
          String text = take(i);
          pos = i + 1;
          afterCr = c == '\r';
          return text;
        }
      }
      scan = end - pos;
      if (!fill()) {
        return pos == end ? null : take(end);
      }
      scan += pos;
    }
  }

  private String take(int until) {
    lineStart = base + pos;
    String text = new String(buffer, pos, until - pos);
    pos = until;
    return text;
  }

  /** Reads more text after what is unread, moving or growing the buffer; false at the end. */
  private boolean fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buffer, pos, buffer, 0, end - pos);
      base += pos;
      end -= pos;
      pos = 0;
    }
    if (end == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    int n = source.read(buffer, end, buffer.length - end);
    if (n < 0) {
      return false;
    }
    end += n;
    return true;
  }

  @Override
  public void close() {
    // The caller owns the stream.
  }
}
