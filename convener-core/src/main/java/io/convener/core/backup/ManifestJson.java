package io.convener.core.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.convener.api.IntegrityException;
import io.convener.api.TenantId;
import io.convener.api.backup.BackupManifest;
import io.convener.api.backup.BackupPart;
import io.convener.api.backup.Backups;
import io.convener.api.backup.TenantBackup;
import io.convener.api.provenance.Checkpoint;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** {@code manifest.json}: a {@link BackupManifest} as JSON, and back, refusing anything else. */
final class ManifestJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ManifestJson() {}

  static byte[] write(BackupManifest manifest) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", BackupManifest.FORMAT);
    root.put("formatVersion", manifest.formatVersion());
    root.put("schemaVersion", manifest.schemaVersion());
    root.put("createdAt", manifest.createdAt().toString());
    root.put("source", manifest.source());
    ArrayNode tenants = root.putArray("tenants");
    for (TenantBackup t : manifest.tenants()) {
      ObjectNode node = tenants.addObject();
      node.put("tenant", t.tenant().value());
      ObjectNode rows = node.putObject("rows");
      t.rows().forEach(rows::put);
      node.put("checkpoint", t.checkpoint().map(Checkpoint::toText).orElse(null));
      ArrayNode keys = node.putArray("keyEncryptionKeys");
      t.keyEncryptionKeyIds().forEach(keys::add);
    }
    ArrayNode parts = root.putArray("parts");
    for (BackupPart p : manifest.parts()) {
      parts.addObject().put("name", p.name()).put("tenant", p.tenant().value()).put("table", p.table())
          .put("rows", p.rows()).put("sha256", p.sha256());
    }
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
  }

  /**
   * Reads a manifest.
   *
   * @throws IntegrityException when it is not a Convener backup's manifest, is of a newer format,
   *     or is malformed
   */
  static BackupManifest read(InputStream in) {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (IOException e) {
      throw new IntegrityException("the backup is damaged: its manifest is not JSON", e);
    }
    if (root == null || !BackupManifest.FORMAT.equals(root.path("format").asText(null))) {
      throw new IntegrityException("not a Convener backup: its manifest.json does not say \"format\": \""
          + BackupManifest.FORMAT + "\"");
    }
    int version = root.path("formatVersion").asInt(0);
    if (version > Backups.FORMAT_VERSION) {
      throw new IntegrityException("the backup is of format version " + version + ", newer than this Convener reads ("
          + Backups.FORMAT_VERSION + "): restore it with the Convener version that made it, or a newer one");
    }
    try {
      List<TenantBackup> tenants = new ArrayList<>();
      for (JsonNode t : array(root, "tenants")) {
        tenants.add(tenant(t));
      }
      List<BackupPart> parts = new ArrayList<>();
      for (JsonNode p : array(root, "parts")) {
        parts.add(new BackupPart(text(p, "name"), TenantId.of(text(p, "tenant")), text(p, "table"),
            number(p, "rows"), text(p, "sha256")));
      }
      return new BackupManifest(version, (int) number(root, "schemaVersion"), Instant.parse(text(root, "createdAt")),
          text(root, "source"), tenants, parts);
    } catch (RuntimeException e) {
      throw new IntegrityException("the backup is damaged: its manifest is malformed (" + e.getMessage() + ")", e);
    }
  }

  private static TenantBackup tenant(JsonNode t) {
    TenantId tenant = TenantId.of(text(t, "tenant"));
    Map<String, Long> rows = new LinkedHashMap<>();
    t.path("rows").fields().forEachRemaining(e -> rows.put(e.getKey(), e.getValue().asLong()));
    JsonNode checkpoint = t.path("checkpoint");
    Optional<Checkpoint> parsed = checkpoint.isTextual() ? Optional.of(Checkpoint.parse(checkpoint.asText()))
        : Optional.empty();
    Set<Integer> keys = new TreeSet<>();
    for (JsonNode k : array(t, "keyEncryptionKeys")) {
      keys.add(k.asInt());
    }
    return new TenantBackup(tenant, rows, parsed, keys);
  }

  private static JsonNode array(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isArray()) {
      throw new IllegalArgumentException("\"" + field + "\" is not a list");
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual()) {
      throw new IllegalArgumentException("\"" + field + "\" is missing");
    }
    return value.asText();
  }

  private static long number(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.canConvertToLong()) {
      throw new IllegalArgumentException("\"" + field + "\" is not a number");
    }
    return value.asLong();
  }
}
