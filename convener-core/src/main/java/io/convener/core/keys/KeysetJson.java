package io.convener.core.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.convener.api.IntegrityException;
import io.convener.api.TenantId;
import io.convener.spi.keys.TenantKeyset;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.spec.SecretKeySpec;

/**
 * The JSON text of a keyset file, version 1:
 *
 * <pre>{@code
 * {
 *   "format": "convener-keyset",
 *   "version": 1,
 *   "tenant": "acme",
 *   "keyEncryptionKeys": {
 *     "primary": 1934857123,
 *     "keys": [{"id": 1934857123, "algorithm": "AES-256-GCM", "created": "2026-...Z", "material": "BASE64"}],
 *     "destroyed": [-20398475]
 *   },
 *   "signingKeys": [
 *     {"id": 115604879, "algorithm": "Ed25519", "created": "2026-...Z", "public": "BASE64 X.509", "private": "BASE64 PKCS#8"}
 *   ]
 * }
 * }</pre>
 *
 * <p>Key material is standard Base64. A signing key without {@code "private"} was destroyed. On
 * reading, every field is checked (the tenant must be the one asked for, exactly, so that a file of
 * a tenant whose id differs only in case is never taken). Thread-safe.
 */
final class KeysetJson {
  static final String FORMAT = "convener-keyset";
  static final int VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Base64.Encoder ENCODER = Base64.getEncoder();

  private KeysetJson() {}

  /** The UTF-8 JSON text of the keyset. */
  static byte[] write(Keyset keyset) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("tenant", keyset.tenant().value());
    ObjectNode keks = root.putObject("keyEncryptionKeys");
    if (keyset.primary().isPresent()) {
      keks.put("primary", keyset.primary().getAsInt());
    }
    ArrayNode keys = keks.putArray("keys");
    for (Keyset.Kek k : keyset.keks()) {
      byte[] material = k.key().getEncoded();
      keys.addObject()
          .put("id", k.id())
          .put("algorithm", "AES-256-GCM")
          .put("created", k.created().toString())
          .put("material", ENCODER.encodeToString(material));
      Arrays.fill(material, (byte) 0);
    }
    ArrayNode destroyed = keks.putArray("destroyed");
    keyset.destroyedKekIds().forEach(destroyed::add);
    ArrayNode signing = root.putArray("signingKeys");
    for (Keyset.SigningKey s : keyset.signing()) {
      ObjectNode node = signing.addObject()
          .put("id", s.id())
          .put("algorithm", "Ed25519")
          .put("created", s.created().toString())
          .put("public", ENCODER.encodeToString(s.publicKey().getEncoded()));
      s.privateKey().ifPresent(p -> node.put("private", ENCODER.encodeToString(p.getEncoded())));
    }
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a keyset always serialises", e);
    }
  }

  /**
   * The keyset in this JSON text.
   *
   * @param where names the file in error messages
   * @throws IntegrityException when the text is not a valid keyset of {@code tenant}
   */
  static Keyset read(TenantId tenant, byte[] json, String where) {
    try {
      JsonNode root = MAPPER.readTree(json);
      require(root != null && root.isObject(), "not a JSON object");
      require(FORMAT.equals(text(root, "format")), "format is not '" + FORMAT + "'");
      require(root.path("version").isInt() && root.path("version").intValue() == VERSION,
          "version is not " + VERSION);
      require(tenant.value().equals(text(root, "tenant")), "it is not the keyset of tenant '" + tenant + "'");
      JsonNode kekNode = root.path("keyEncryptionKeys");
      List<Keyset.Kek> keks = new ArrayList<>();
      for (JsonNode k : array(kekNode, "keys")) {
        require("AES-256-GCM".equals(text(k, "algorithm")), "a key-encryption key is not AES-256-GCM");
        byte[] material = Base64.getDecoder().decode(text(k, "material"));
        require(material.length == TenantKeyset.KEY_BYTES, "a key-encryption key is not 32 bytes");
        keks.add(new Keyset.Kek(integer(k, "id"), Instant.parse(text(k, "created")), new SecretKeySpec(material, "AES")));
        Arrays.fill(material, (byte) 0);
      }
      OptionalInt primary = kekNode.has("primary") ? OptionalInt.of(integer(kekNode, "primary")) : OptionalInt.empty();
      Set<Integer> destroyed = new TreeSet<>();
      for (JsonNode id : array(kekNode, "destroyed")) {
        require(id.isInt(), "a destroyed key id is not an integer");
        destroyed.add(id.intValue());
      }
      KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
      List<Keyset.SigningKey> signing = new ArrayList<>();
      for (JsonNode s : array(root, "signingKeys")) {
        require("Ed25519".equals(text(s, "algorithm")), "a signing key is not Ed25519");
        PublicKey publicKey = ed25519.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(text(s, "public"))));
        Optional<PrivateKey> privateKey = s.has("private")
            ? Optional.of(ed25519.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text(s, "private")))))
            : Optional.empty();
        Keyset.SigningKey key = new Keyset.SigningKey(Instant.parse(text(s, "created")), publicKey, privateKey);
        require(key.id() == integer(s, "id"), "a signing key's id does not match its public key");
        signing.add(key);
      }
      return new Keyset(tenant, keks, primary, destroyed, signing);
    } catch (IOException | IllegalArgumentException | DateTimeParseException | GeneralSecurityException e) {
      throw new IntegrityException("the keyset file " + where + " is not valid: " + reason(e), e);
    }
  }

  private static void require(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException(problem);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    require(value.isTextual(), "'" + field + "' is missing or not a string");
    return value.textValue();
  }

  private static int integer(JsonNode node, String field) {
    JsonNode value = node.path(field);
    require(value.isInt(), "'" + field + "' is missing or not a 32-bit integer");
    return value.intValue();
  }

  private static List<JsonNode> array(JsonNode node, String field) {
    JsonNode value = node.path(field);
    require(value.isArray(), "'" + field + "' is missing or not an array");
    List<JsonNode> items = new ArrayList<>();
    value.forEach(items::add);
    return items;
  }

  /** The message of a failure, never the file's content (Jackson quotes the input in some messages). */
  private static String reason(Exception e) {
    if (e instanceof JsonProcessingException) {
      return "not well-formed JSON";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
