package io.convener.core.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.InputStream;

/** An input stream of {@code count} valid event lines, made on the fly so that none is held. */
final class GeneratedEvents extends InputStream {
  private final long count;
  private long next;
  private byte[] line = new byte[0];
  private int pos;
  private long served;

  GeneratedEvents(long count) {
    this.count = count;
  }

  long bytesServed() {
    return served;
  }

  @Override
  public int read() {
    if (pos == line.length && !advance()) {
      return -1;
    }
    served++;
    return line[pos++] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    if (pos == line.length && !advance()) {
      return -1;
    }
    int n = Math.min(len, line.length - pos);
    System.arraycopy(line, pos, b, off, n);
    pos += n;
    served += n;
    return n;
  }

  private boolean advance() {
    if (next == count) {
      return false;
    }
    long i = next++;
    line = ("{\"id\":\"ev-" + i + "\",\"at\":\"2026-11-02T09:00:00Z\",\"kind\":\"reply\",\"actor\":\"m" + (i % 977)
        + "\",\"targets\":[\"m" + (i % 31) + "\",\"m" + (i % 37) + "\"],\"team\":\"t" + (i % 13)
        + "\",\"refs\":[\"ev-" + (i / 2) + "\"],\"tags\":[\"padding-to-make-the-line-longer\"],\"sentiment\":0.25}\n").getBytes(UTF_8);
    pos = 0;
    return true;
  }
}
