package io.convener.http.internal;

import io.convener.api.IntegrityException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link Response} as the bytes an idempotency key keeps, so that a replay on any node sends it
 * byte for byte: format 1, big-endian ({@link DataOutputStream}): the version byte, the status,
 * the content type, the header count and each header's name and value, the body length and the
 * body. Stateless.
 */
final class KeptResponse {
  private static final byte VERSION = 1;

  private KeptResponse() {}

  static byte[] write(Response response) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(response.body().length + 64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeShort(response.status());
      out.writeUTF(response.contentType());
      out.writeInt(response.headers().size());
      for (Map.Entry<String, String> header : response.headers().entrySet()) {
        out.writeUTF(header.getKey());
        out.writeUTF(header.getValue());
      }
      out.writeInt(response.body().length);
      out.write(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /**
   * The response the bytes hold.
   *
   * @throws IntegrityException when they are not bytes {@link #write} made
   */
  static Response read(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readByte() != VERSION) {
        throw new IntegrityException("a kept response has an unknown format");
      }
      int status = in.readShort();
      String contentType = in.readUTF();
      int count = in.readInt();
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        headers.put(in.readUTF(), in.readUTF());
      }
      byte[] body = new byte[in.readInt()];
      in.readFully(body);
      if (in.available() > 0) {
        throw new IntegrityException("a kept response has trailing bytes");
      }
      return new Response(status, contentType, headers, body);
    } catch (IOException | NegativeArraySizeException e) {
      throw new IntegrityException("a kept response cannot be read", e);
    }
  }
}
