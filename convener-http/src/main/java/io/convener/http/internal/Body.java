package io.convener.http.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * A request body that is read only when a route asks for it, and never past its limits: {@link
 * #bytes()} buffers it whole, up to the limit for buffered bodies (JSON documents, idempotent
 * requests); {@link #stream()} hands it over as a stream, up to the larger limit for streamed
 * bodies (ingestion), so that it is parsed line by line and never held whole. Reading past a
 * limit fails with {@link TooLarge}; a client that breaks off fails with {@link Unreadable}. Used
 * by the one thread serving its request.
 */
final class Body {
  /** The body is larger than the limit; a 413 problem. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    final long limit;

    TooLarge(long limit) {
      super("the request body is larger than " + limit + " bytes");
      this.limit = limit;
    }
  }

  /** The client stopped sending the body, or sent it broken; a 400 problem. */
  static final class Unreadable extends IOException {
    private static final long serialVersionUID = 1L;

    Unreadable(IOException cause) {
      super("the request body could not be read", cause);
    }
  }

  /** Opens the body's stream; called at most once. */
  @FunctionalInterface
  interface Source {
    InputStream open() throws IOException;
  }

  private final Source source;
  private final long declared;
  private final long bufferedLimit;
  private final long streamedLimit;
  private byte @Nullable [] bytes;
  private boolean opened;

  /**
   * @param declared the {@code Content-Length}, or -1 when not given
   * @param bufferedLimit the largest body {@link #bytes()} reads
   * @param streamedLimit the largest body {@link #stream()} passes
   */
  Body(Source source, long declared, long bufferedLimit, long streamedLimit) {
    this.source = source;
    this.declared = declared;
    this.bufferedLimit = bufferedLimit;
    this.streamedLimit = streamedLimit;
  }

  /** A body already in memory (tests, kept responses). */
  static Body of(byte[] bytes) {
    Body b = new Body(() -> new ByteArrayInputStream(bytes), bytes.length, Long.MAX_VALUE, Long.MAX_VALUE);
    b.bytes = bytes.clone();
    b.opened = true;
    return b;
  }

  /** The whole body, read once and then kept. */
  byte[] bytes() {
    byte[] b = bytes;
    if (b != null) {
      return b;
    }
    try (InputStream in = open(bufferedLimit)) {
      b = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    bytes = b;
    return b;
  }

  /** The body as a stream, for a route that parses it as it arrives. */
  InputStream stream() {
    byte[] b = bytes;
    if (b != null) {
      return new ByteArrayInputStream(b);
    }
    try {
      return open(streamedLimit);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  private InputStream open(long limit) throws IOException {
    if (opened) {
      throw new IllegalStateException("the request body was read already");
    }
    if (declared > limit) {
      throw new TooLarge(limit);
    }
    opened = true;
    InputStream in;
    try {
      in = source.open();
    } catch (IOException e) {
      throw new Unreadable(e);
    }
    return new Limited(in, limit);
  }

  /** Counts what passes and fails past the limit; wraps the container's read failures. */
  private static final class Limited extends InputStream {
    private final InputStream in;
    private final long limit;
    private long read;

    Limited(InputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      long room = limit - read;
      int ask = room >= len ? len : (int) room + 1;
      int n;
      try {
        n = in.read(b, off, ask);
      } catch (IOException e) {
        throw new Unreadable(e);
      }
      if (n > 0) {
        read += n;
        if (read > limit) {
          throw new TooLarge(limit);
        }
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
