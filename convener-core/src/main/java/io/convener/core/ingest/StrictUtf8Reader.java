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
 * the text, so that lines and quoting stay intact, and is remembered by its character offset in the
 * text and byte offset in the input; a reader asks {@link #inChars} whether the record it just read
 * holds one, and rejects that record. Those before the record asked about are forgotten, so memory
 * stays bounded by the reader's read-ahead. Valid input costs what {@link java.io.InputStreamReader}
 * costs: the same JDK decoder, no extra pass over the text. Not thread-safe; does not close the
 * stream it reads.
 */
final class StrictUtf8Reader extends Reader {
  private static final int BUFFER = 1 << 16;

  /**
   * A bad byte sequence.
   *
   * @param charOffset 0-based offset of its U+FFFD in the decoded text
   * @param byteOffset 0-based offset of the byte in the input
   * @param value the byte, 0 to 255
   */
  record Malformed(long charOffset, long byteOffset, int value) {
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
      chars += out.position() - start;
      if (result.isMalformed() || result.isUnmappable()) {
        if (!out.hasRemaining()) {
          break; // The next call reports it again, with room for its U+FFFD.
        }
        int at = bytes.position();
        malformed.addLast(new Malformed(chars, discarded + at, bytes.get(at) & 0xFF));
        bytes.position(at + result.length());
        out.put('\uFFFD');
        chars++;
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
