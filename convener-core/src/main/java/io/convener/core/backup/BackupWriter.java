package io.convener.core.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import io.convener.api.TenantId;
import io.convener.api.backup.BackupPart;
import io.convener.api.provenance.Sha256Hash;
import io.convener.spi.storage.TenantSnapshots.Column;
import io.convener.spi.storage.TenantSnapshots.Sink;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Writes one tenant's snapshot into the zip file as it is read, one part per table, with constant
 * memory: rows go straight through a digest into the compressor. Notes what the manifest needs: row
 * counts, part digests, the log's head as of the snapshot, and the ids of the key-encryption keys
 * that wrap the tenant's data keys.
 */
final class BackupWriter implements Sink {
  private final ZipOutputStream zip;
  private final TenantId tenant;
  private final List<BackupPart> parts = new ArrayList<>();
  private final Map<String, Long> rows = new LinkedHashMap<>();
  private final Set<Integer> keyIds = new TreeSet<>();
  private @Nullable String table;
  private List<Column> columns = List.of();
  private @Nullable JsonGenerator out;
  private @Nullable MessageDigest digest;
  private long count;
  private int keyColumn = -1;
  private int sizeColumn = -1;
  private int rootColumn = -1;
  private @Nullable Head head;

  /** The log's head as the snapshot saw it. */
  record Head(long size, Sha256Hash root) {}

  BackupWriter(ZipOutputStream zip, TenantId tenant) {
    this.zip = zip;
    this.tenant = tenant;
  }

  @Override
  public void table(String name, List<Column> columns) throws IOException {
    finishPart();
    this.table = name;
    this.columns = columns;
    this.count = 0;
    keyColumn = name.equals("subject_keys") ? index(columns, "wrapping_key_id") : -1;
    sizeColumn = name.equals("provenance_heads") ? index(columns, "tree_size") : -1;
    rootColumn = name.equals("provenance_heads") ? index(columns, "root_hash") : -1;
    zip.putNextEntry(new ZipEntry(entryName(name)));
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    out = PartFormat.JSON.createGenerator(new DigestOutputStream(new Unclosed(zip), digest));
    out.setRootValueSeparator(null);
    PartFormat.writeHeader(out, name, columns);
  }

  @Override
  public void row(@Nullable Object[] values) throws IOException {
    PartFormat.writeRow(out, columns, values);
    count++;
    if (keyColumn >= 0 && values[keyColumn] != null) {
      keyIds.add(((Long) values[keyColumn]).intValue());
    }
    if (sizeColumn >= 0 && values[sizeColumn] != null && values[rootColumn] != null) {
      head = new Head((Long) values[sizeColumn], Sha256Hash.fromHex((String) values[rootColumn]));
    }
  }

  /** Ends the last part; call once the snapshot has been read. */
  void finish() throws IOException {
    finishPart();
  }

  private void finishPart() throws IOException {
    if (table == null || out == null || digest == null) {
      return;
    }
    out.close();
    zip.closeEntry();
    parts.add(new BackupPart(entryName(table), tenant, table, count, HexFormat.of().formatHex(digest.digest())));
    rows.put(table, count);
    table = null;
  }

  private String entryName(String name) {
    return "parts/" + tenant.value() + "/" + name + ".jsonl";
  }

  List<BackupPart> parts() {
    return List.copyOf(parts);
  }

  Map<String, Long> rows() {
    return rows;
  }

  Set<Integer> keyEncryptionKeyIds() {
    return keyIds;
  }

  /** The head of the tenant's log in the snapshot; empty when the log has no entries. */
  Optional<Head> head() {
    return Optional.ofNullable(head).filter(h -> h.size() > 0);
  }

  private static int index(List<Column> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException("the store's table has no column " + name);
  }
}
