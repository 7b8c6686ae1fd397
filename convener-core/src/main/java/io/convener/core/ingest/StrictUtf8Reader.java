package io.convener.core.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * Decodes UTF-8 strictly, for the line readers. A byte sequence that is not UTF-8 (a stray
 * continuation byte, a truncated or overlong sequence, an encoded surrogate) becomes one U+FFFD in
 * the text, so that the line structure stays intact, and is remembered by its line, character
 * offset and byte offset; a reader asks {@link #onLine} or {@link #inChars} whether the record it
 * just read holds one, and rejects that record. Lines end at {@code \n}, {@code \r} or {@code
 * \r\n}, as {@link java.io.BufferedReader#readLine()} and the CSV parser count them. Only the first
 * bad byte of a line is kept, and those before the record asked about are forgotten, so memory
 * stays bounded by the readers' read-ahead. Not thread-safe; does not close the stream it reads.
 */
final class StrictUtf8Reader extends Reader {
  private static final int BUFFER = 1 << 16;

  /**
   * The first bad byte of a line.
   *
   * @param line 1-based line number
   * @param charOffset 0-based offset of its U+FFFD in the decoded text
   * @param byteOffset 0-based offset of the byte in the input
   * @param value the byte, 0 to 255
   */
  record Malformed(long line, long charOffset, long byteOffset, int value) {
    /** The rejection reason, naming the byte and where it is. */
    String reason() {
      return String.format("not valid UTF-8: byte 0x%02X at byte offset %d of the input", value, byteOffset);
    }
  }

  private final InputStream in;
  private final CharsetDecoder decoder =
      UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
  private final ArrayDeque<Malformed> malformed = new ArrayDeque<>();
  /** Bytes dropped from the front of {@link #bytes} so far: the input offset of its index 0. */
  private long discarded;
  private long chars;
  private long line = 1;
  private boolean afterCr;
  private boolean eof;
  private boolean flushed;

  StrictUtf8Reader(InputStream in) {
    this.in = in;
  }

  @Override
  public int read(char[] buffer, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (flushed) {
      return -1;
    }
    CharBuffer out = CharBuffer.wrap(buffer, off, len);
    while (true) {
      int start = out.position();
      CoderResult result = decoder.decode(bytes, out, eof);
      advance(buffer, start, out.position());
      if (result.isMalformed() || result.isUnmappable()) {
        if (!out.hasRemaining()) {
          break; // The next call reports it again, with room for its U+FFFD.
        }
        remember(bytes.position(), bytes.get(bytes.position()) & 0xFF);
        bytes.position(bytes.position() + result.length());
        out.put('\uFFFD');
        chars++;
        afterCr = false;
        continue;
      }
      if (result.isOverflow() || out.position() > off) {
        break;
      }
      if (eof) {
        return finish(out, off);
      }
      fill();
    }
    return out.position() - off;
  }

  private int finish(CharBuffer out, int off) {
    decoder.flush(out); // UTF-8 keeps no state: nothing to write.
    flushed = true;
    return out.position() > off ? out.position() - off : -1;
  }

  /** Counts the characters just decoded and the line breaks among them. */
  private void advance(char[] buffer, int from, int to) {
    chars += to - from;
    for (int i = from; i < to; i++) {
      char c = buffer[i];
      if (c > '\r') {
        afterCr = false;
      } else if (c == '\n') {
        if (!afterCr) {
          line++;
        }
        afterCr = false;
      } else if (c == '\r') {
        line++;
        afterCr = true;
      } else {
        afterCr = false;
      }
    }
  }

  private void remember(int position, int value) {
    Malformed last = malformed.peekLast();
    if (last == null || last.line() != line) {
      malformed.addLast(new Malformed(line, chars, discarded + position, value));
    }
  }

  private void fill() throws IOException {
    discarded += bytes.position();
    bytes.compact();
    try {
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        eof = true;
      } else {
        bytes.position(bytes.position() + n);
      }
    } finally {
      bytes.flip();
    }
  }

  /** The first bad byte on this line, or null; forgets those on earlier lines. */
  @Nullable Malformed onLine(long wanted) {
    while (!malformed.isEmpty() && malformed.peekFirst().line() < wanted) {
      malformed.removeFirst();
    }
    Malformed first = malformed.peekFirst();
    return first != null && first.line() == wanted ? first : null;
  }

  /** The first bad byte among the characters from {@code from} (inclusive) to {@code to}, or null; forgets earlier ones. */
  @Nullable Malformed inChars(long from, long to) {
    while (!malformed.isEmpty() && malformed.peekFirst().charOffset() < from) {
      malformed.removeFirst();
    }
    Malformed first = malformed.peekFirst();
    return first != null && first.charOffset() < to ? first : null;
  }

  @Override
  public void close() {
    // The caller owns the stream.
  }
}
