package io.convener.core.backup;

import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.Purpose;
import io.convener.api.ingest.IngestReport;
import io.convener.core.Conveners;
import io.convener.jdbc.JdbcSettings;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small organisation for backup tests: members with personal data, collaboration events,
 * consents (ingested and granted through the gate), an approval and a signed checkpoint; and a
 * reader of a backup file's parts, to compare two backups row by row.
 */
final class BackupFixture {
  static final TenantId ACME = TenantId.of("acme");
  static final Principal ADMIN = Principal.of(ACME, "ops", Role.ADMIN, Role.COMPLIANCE_OFFICER);
  static final Instant AS_OF = Instant.parse("2026-03-01T00:00:00Z");
  static final int MEMBERS = 30;

  private BackupFixture() {}

  /** A started Convener on the store, with its keys in {@code keys}. */
  static Convener open(JdbcSettings settings, Path keys) {
    return Conveners.builder().database(settings).keyDirectory(keys).build();
  }

  /** Writes the organisation's members and {@code events} events, seeded, as JSON lines. */
  static Path write(Path file, long seed, int events) {
    Random random = new Random(seed);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int m = 0; m < MEMBERS; m++) {
        w.write("{\"type\":\"member\",\"id\":\"m" + m + "\",\"teams\":[\"t" + m % 3 + "\"],\"org\":\"eng/p" + m % 2
            + "\",\"displayName\":\"Member Nr " + m + "\",\"email\":\"m" + m + "@acme.example\"}\n");
      }
      for (int i = 0; i < events; i++) {
        int actor = random.nextInt(MEMBERS);
        w.write("{\"id\":\"e" + seed + "-" + i + "\",\"at\":\"2026-02-" + String.format("%02d", 1 + i % 27)
            + "T10:00:00Z\",\"kind\":\"message\",\"actor\":\"m" + actor + "\",\"targets\":[\"m" + random.nextInt(MEMBERS)
            + "\"],\"team\":\"t" + actor % 3 + "\",\"weight\":" + (1 + random.nextInt(3)) + ".5,\"sentiment\":0."
            + random.nextInt(10) + "}\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Ingests a file, grants consents and takes a checkpoint. */
  static IngestReport populate(Convener convener, Path file) {
    IngestReport report = convener.ingest().file(ADMIN, file);
    for (int m = 0; m < MEMBERS; m += 2) {
      convener.consent().grant(ADMIN, MemberId.of("m" + m), Purpose.CHAMPION_RECOMMENDATION, "v1");
      convener.consent().grant(ADMIN, MemberId.of("m" + m), Purpose.PROFILE_SHARE, "v1");
    }
    convener.consent().revoke(ADMIN, MemberId.of("m2"), Purpose.PROFILE_SHARE);
    convener.provenance().checkpoint(ADMIN);
    return report;
  }

  /** Each part's lines (header first) by table, of one tenant of a backup file. */
  static Map<String, List<String>> parts(Path backup, TenantId tenant) throws IOException {
    Map<String, List<String>> parts = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(backup.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        String prefix = "parts/" + tenant.value() + "/";
        if (e.getName().startsWith(prefix)) {
          String table = e.getName().substring(prefix.length()).replace(".jsonl", "");
          parts.put(table, new ArrayList<>(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8)
              .lines().toList()));
        }
      }
    }
    return parts;
  }
}
