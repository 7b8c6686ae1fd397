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
 * holds one, and rejects that record. A bad sequence with no line break since the one before it in
 * the same read is not remembered (it is in the same record), and those before the record asked
 * about are forgotten, so a binary file read as text does not fill the memory. Valid input costs
 * what {@link java.io.InputStreamReader} costs: the same JDK decoder, no extra pass over the text.
 * Not thread-safe; does not close the stream it reads.
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
  /** A character decoded but not yet returned, or -1. */
  private int pending = -1;

  StrictUtf8Reader(InputStream in) {
    this.in = in;
  }

  @Override
  public int read(char[] buffer, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (pending >= 0) {
      buffer[off] = (char) pending;
      pending = -1;
      return 1;
    }
    if (len == 1) {
      return readOne(buffer, off);
    }
    if (flushed) {
      return -1;
    }
    CharBuffer out = CharBuffer.wrap(buffer, off, len);
    int lastBad = -1;
    while (true) {
      int start = out.position();
      CoderResult result = decoder.decode(bytes, out, eof);
      chars += out.position() - start;
      if (result.isMalformed() || result.isUnmappable()) {
        if (!out.hasRemaining()) {
          break; // The next call reports it again, with room for its U+FFFD.
        }
        int at = bytes.position();
        if (lastBad < 0 || lineBreak(buffer, lastBad + 1, out.position())) {
          malformed.addLast(new Malformed(chars, discarded + at, bytes.get(at) & 0xFF));
        }
        lastBad = out.position();
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

  /** Reads one character where a surrogate pair needs two: the second waits for the next read. */
  private int readOne(char[] buffer, int off) throws IOException {
    char[] two = new char[2];
    int n = read(two, 0, 2);
    if (n < 0) {
      return -1;
    }
    buffer[off] = two[0];
    if (n == 2) {
      pending = two[1];
    }
    return 1;
  }

  /** Whether a line ends among {@code buffer[from, to)}; only bad bytes pay for this look. */
  private static boolean lineBreak(char[] buffer, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buffer[i] == '\n' || buffer[i] == '\r') {
        return true;
      }
    }
    return false;
  }

  /** How many bad byte sequences are remembered now. */
  int remembered() {
    return malformed.size();
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
