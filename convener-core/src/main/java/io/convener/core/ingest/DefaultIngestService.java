package io.convener.core.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.convener.api.InvalidInputException;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.ingest.IngestReport;
import io.convener.api.ingest.IngestService;
import io.convener.api.ingest.InputFormat;
import io.convener.api.model.Event;
import io.convener.api.model.Member;
import io.convener.core.internal.gate.Gate;
import io.convener.core.internal.gate.Invocation;
import jakarta.inject.Inject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@link IngestService}: each call is one {@code ingest} invocation through the {@link Gate}
 * (role {@code ADMIN}), which writes the call's provenance entry at its end; every batch the call
 * commits before that has an {@code ingest.batch} entry of its own, in the batch's transaction
 * ({@link BatchLog}). The call's entry uses the input by content, {@code input:sha256:<hex>} of the
 * bytes read, and the run, {@code ingest-run:<id>}, which every batch entry uses too; its generated
 * entity is a summary of the counts, never the event ids; its input digest covers the format, size
 * and content hash (or, for {@code submit}, the counts and a hash of the ids). Thread-safe.
 */
final class DefaultIngestService implements IngestService {
  static final String ACTIVITY = "ingest";

  private final Gate gate;
  private final Ingester ingester;

  @Inject
  DefaultIngestService(Gate gate, Ingester ingester) {
    this.gate = requireNonNull(gate, "gate");
    this.ingester = requireNonNull(ingester, "ingester");
  }

  @Override
  public IngestReport stream(Principal principal, InputStream input, InputFormat format) {
    requireNonNull(input, "input");
    requireNonNull(format, "format");
    HashingStream hashed = new HashingStream(input);
    IngestRun run = IngestRun.of(principal);
    return gate.invoke(principal, Invocation.of(ACTIVITY, tenant -> ingester.ingest(tenant, run, hashed, format))
        .roles(Role.ADMIN)
        .inputs(() -> hashed.inputs(format))
        .used(() -> List.of(hashed.entity(), run.entity()))
        .generated(DefaultIngestService::summary)
        .build());
  }

  @Override
  public IngestReport file(Principal principal, Path file) {
    requireNonNull(file, "file");
    HashingStream[] hashed = new HashingStream[1];
    IngestRun run = IngestRun.of(principal);
    return gate.invoke(principal, Invocation.<IngestReport>of(ACTIVITY, tenant -> {
          Path name = file.getFileName();
          InputFormat format = InputFormat.forFileName(name == null ? "" : name.toString())
              .orElseThrow(() -> new InvalidInputException(
                  "file", "cannot tell the format of '" + file + "': use .jsonl or .csv"));
          try (InputStream in = Files.newInputStream(file)) {
            hashed[0] = new HashingStream(in);
            return ingester.ingest(tenant, run, hashed[0], format);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
          }
        })
        .roles(Role.ADMIN)
        .inputs(() -> hashed[0] == null ? Map.of("file", "unread") : hashed[0].inputs(null))
        .used(() -> hashed[0] == null ? List.of(run.entity()) : List.of(hashed[0].entity(), run.entity()))
        .generated(DefaultIngestService::summary)
        .build());
  }

  @Override
  public IngestReport submit(Principal principal, Collection<Member> members, Collection<Event> events) {
    requireNonNull(members, "members");
    requireNonNull(events, "events");
    IngestRun run = IngestRun.of(principal);
    return gate.invoke(principal, Invocation.of(ACTIVITY, tenant -> ingester.submit(tenant, run, members, events))
        .roles(Role.ADMIN)
        .inputs(() -> submitInputs(members, events))
        .used(() -> List.of(run.entity()))
        .generated(DefaultIngestService::summary)
        .build());
  }

  /** The generated entity: the counts, not the ids. */
  static List<String> summary(IngestReport r) {
    return List.of("ingest-summary:members=" + r.members() + ",events=" + r.events() + ",duplicates="
        + r.duplicates() + ",rejected=" + r.rejectedCount());
  }

  private static Map<String, Object> submitInputs(Collection<Member> members, Collection<Event> events) {
    MessageDigest ids = sha256();
    members.forEach(m -> ids.update(("m:" + m.id().value() + "\n").getBytes(UTF_8)));
    events.forEach(e -> ids.update(("e:" + e.id().value() + "\n").getBytes(UTF_8)));
    Map<String, Object> in = new LinkedHashMap<>();
    in.put("members", members.size());
    in.put("events", events.size());
    in.put("ids", HexFormat.of().formatHex(ids.digest()));
    return in;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** Hashes and counts the bytes read through it; does not close the stream it wraps. */
  static final class HashingStream extends FilterInputStream {
    private final MessageDigest digest = sha256();
    private long bytes;
    private String hex = "";

    HashingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        digest.update((byte) b);
        bytes++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      int n = super.read(buffer, off, len);
      if (n > 0) {
        digest.update(buffer, off, n);
        bytes += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] sink = new byte[8192];
      long skipped = 0;
      while (skipped < n) {
        int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
        if (r < 0) {
          break;
        }
        skipped += r;
      }
      return skipped;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    @Override
    public void close() {
      // The caller owns the wrapped stream.
    }

    /** The hex SHA-256 of what was read; fixed at the first call. */
    synchronized String hex() {
      if (hex.isEmpty()) {
        hex = HexFormat.of().formatHex(digest.digest());
      }
      return hex;
    }

    String entity() {
      return "input:sha256:" + hex();
    }

    Map<String, Object> inputs(@Nullable InputFormat format) {
      Map<String, Object> in = new LinkedHashMap<>();
      if (format != null) {
        in.put("format", format.name().toLowerCase(Locale.ROOT));
      }
      in.put("bytes", bytes);
      in.put("sha256", hex());
      return in;
    }
  }
}
