package io.convener.http.auth;

import static io.convener.api.AuthenticationException.Reason.ALG_NONE;
import static io.convener.api.AuthenticationException.Reason.HEADER_SUPPLIED_KEY;
import static io.convener.api.AuthenticationException.Reason.MALFORMED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convener.api.AuthenticationException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A JWS in compact serialization (RFC 7515, section 7.1), split strictly and with its protected
 * header checked before any key is looked at. Strict means: exactly three parts; each part only
 * base64url characters, without padding, and in canonical form (unused bits zero, so that one
 * token has one spelling); a header that is one JSON object without duplicate names.
 *
 * <p>Header checks, in order: {@code alg} present ({@code MALFORMED}); {@code alg} not {@code
 * none} in any case ({@code ALG_NONE}); no header-supplied key or key location {@code jwk},
 * {@code jku}, {@code x5u}, {@code x5c} ({@code HEADER_SUPPLIED_KEY}); no {@code crit}
 * ({@code MALFORMED}: no extension is understood); {@code kid}, when present, a string.
 */
final class CompactJws {
  /** Longest accepted token; real tokens are a few kilobytes. */
  static final int MAX_TOKEN_CHARS = 64 * 1024;

  /** Header parameters that carry a key or say where to fetch one: never trusted. */
  static final List<String> KEY_PARAMETERS = List.of("jwk", "jku", "x5u", "x5c");

  private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final String headerPart;
  private final String payloadPart;
  private final String alg;
  private final @Nullable String kid;
  private final byte[] payload;
  private final byte[] signature;

  private CompactJws(String headerPart, String payloadPart, String alg, @Nullable String kid,
      byte[] payload, byte[] signature) {
    this.headerPart = headerPart;
    this.payloadPart = payloadPart;
    this.alg = alg;
    this.kid = kid;
    this.payload = payload;
    this.signature = signature;
  }

  /**
   * Splits and checks a token.
   *
   * @throws AuthenticationException {@code MALFORMED}, {@code ALG_NONE} or {@code
   *     HEADER_SUPPLIED_KEY}
   */
  static CompactJws parse(String token, ObjectMapper json) {
    if (token.length() > MAX_TOKEN_CHARS) {
      throw fail(MALFORMED, "token is longer than " + MAX_TOKEN_CHARS + " characters");
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length == 5) {
      throw fail(MALFORMED, "token is an encrypted JWE; only signed JWS tokens are accepted");
    }
    if (parts.length != 3) {
      throw fail(MALFORMED, "token must have three dot-separated parts, has " + parts.length);
    }
    JsonNode header = header(decode(parts[0], "header"), json);
    JsonNode algNode = header.get("alg");
    if (algNode == null || !algNode.isTextual() || algNode.asText().isEmpty()) {
      throw fail(MALFORMED, "header has no alg");
    }
    String alg = algNode.asText();
    if (alg.equalsIgnoreCase("none")) {
      throw fail(ALG_NONE, "unsigned tokens (alg: none) are never accepted");
    }
    for (String name : KEY_PARAMETERS) {
      if (header.has(name)) {
        throw fail(HEADER_SUPPLIED_KEY,
            "header carries its own key or key location (" + name + "); only configured keys are trusted");
      }
    }
    if (header.has("crit")) {
      throw fail(MALFORMED, "header has critical extensions (crit), none of which are supported");
    }
    JsonNode kidNode = header.get("kid");
    if (kidNode != null && !kidNode.isTextual()) {
      throw fail(MALFORMED, "header kid must be a string");
    }
    byte[] payload = decode(parts[1], "payload");
    byte[] signature = decode(parts[2], "signature");
    if (signature.length == 0) {
      throw fail(MALFORMED, "token has no signature");
    }
    return new CompactJws(parts[0], parts[1], alg, kidNode == null ? null : kidNode.asText(),
        payload, signature);
  }

  /** The header's {@code alg}, never {@code none}. */
  String alg() {
    return alg;
  }

  /** The header's {@code kid}, if any. */
  @Nullable String kid() {
    return kid;
  }

  /** The decoded payload; a copy. */
  byte[] payload() {
    return payload.clone();
  }

  /** The decoded signature; a copy. */
  byte[] signature() {
    return signature.clone();
  }

  /** What was signed: the ASCII of {@code header.payload}, exactly as received. */
  byte[] signingInput() {
    return (headerPart + '.' + payloadPart).getBytes(StandardCharsets.US_ASCII);
  }

  private static JsonNode header(byte[] bytes, ObjectMapper json) {
    try {
      JsonNode header = json.readTree(utf8(bytes, "header"));
      if (header == null || !header.isObject()) {
        throw fail(MALFORMED, "header is not a JSON object");
      }
      return header;
    } catch (IOException e) {
      throw fail(MALFORMED, "header is not valid JSON (or repeats a name)");
    }
  }

  private static byte[] decode(String part, String what) {
    if (!BASE64URL.matcher(part).matches() || part.length() % 4 == 1) {
      throw fail(MALFORMED, what + " is not unpadded base64url");
    }
    byte[] bytes = DECODER.decode(part);
    if (!ENCODER.encodeToString(bytes).equals(part)) {
      throw fail(MALFORMED, what + " is not canonical base64url (unused bits set)");
    }
    return bytes;
  }

  /**
   * Strictly decoded UTF-8 text (RFC 7515 and 7519 require UTF-8; no other encoding is sniffed).
   *
   * @throws AuthenticationException {@code MALFORMED} on an invalid byte sequence
   */
  static String utf8(byte[] bytes, String what) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw fail(MALFORMED, what + " is not valid UTF-8");
    }
  }

  /**
   * A token-supplied value made safe for a message or a log line: quoted, at most 64 characters,
   * anything but printable ASCII replaced by {@code ?}.
   */
  static String quote(String value) {
    StringBuilder out = new StringBuilder("'");
    for (int i = 0; i < value.length() && i < 64; i++) {
      char c = value.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return out.append(value.length() > 64 ? "...'" : "'").toString();
  }

  static AuthenticationException fail(AuthenticationException.Reason reason, String message) {
    return new AuthenticationException(reason, message);
  }
}
