package io.convener.jdbc.internal.provenance;

import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.provenance.Agent;
import io.convener.api.provenance.Outcome;
import io.convener.api.provenance.ProvenanceEntry;
import io.convener.api.provenance.Sha256Hash;
import io.convener.jdbc.internal.db.EpochNanos;
import io.convener.spi.storage.ProvenanceRow;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.StringJoiner;

/** Column encoding of provenance entries: binds an entry's row and maps a row back. No reflection. */
final class ProvenanceRows {
  /** The columns {@link #map} reads, in its order. */
  static final String COLUMNS = "seq, at, activity, agent_kind, agent_id, agent_roles, input_digest,"
      + " outcome, outcome_code, outcome_reason, caused_by, leaf_hash, root_after, replay_of";

  private ProvenanceRows() {}

  /** Binds the fifteen positional parameters of {@code JdbiProvenanceStore.INSERT_ENTRY}. */
  static void bind(PreparedStatement insert, String tenant, ProvenanceRow row) throws SQLException {
    ProvenanceEntry e = row.entry();
    insert.setString(1, tenant);
    insert.setLong(2, e.sequence());
    insert.setLong(3, EpochNanos.of(e.at(), "at"));
    insert.setString(4, e.activity());
    insert.setString(5, e.agent().kind().name());
    insert.setString(6, e.agent().id());
    insert.setString(7, roles(e.agent().roles()));
    insert.setString(8, e.inputDigest().hex());
    insert.setString(9, e.outcome().status().name());
    insert.setString(10, e.outcome().code());
    insert.setString(11, e.outcome().reason());
    if (e.causedBy().isPresent()) {
      insert.setLong(12, e.causedBy().getAsLong());
    } else {
      insert.setNull(12, Types.BIGINT);
    }
    insert.setString(13, row.leafHash().hex());
    insert.setString(14, row.rootAfter().hex());
    if (e.replayOf().isPresent()) {
      insert.setLong(15, e.replayOf().getAsLong());
    } else {
      insert.setNull(15, Types.BIGINT);
    }
  }

  /** A row of {@link #COLUMNS}, without its entities yet. */
  record Raw(long seq, ProvenanceEntry.Builder entry, Sha256Hash leafHash, Sha256Hash rootAfter) {}

  /** Maps a row of {@link #COLUMNS}. */
  static Raw map(TenantId tenant, ResultSet rs) throws SQLException {
    long seq = rs.getLong(1);
    long causedBy = rs.getLong(11);
    OptionalLong cause = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(causedBy);
    long replayOf = rs.getLong(14);
    OptionalLong replay = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(replayOf);
    ProvenanceEntry.Builder b = ProvenanceEntry.builder()
        .tenant(tenant)
        .sequence(seq)
        .at(EpochNanos.toInstant(rs.getLong(2)))
        .activity(rs.getString(3))
        .agent(new Agent(Agent.Kind.valueOf(rs.getString(4)), rs.getString(5), roles(rs.getString(6))))
        .inputDigest(Sha256Hash.fromHex(rs.getString(7)))
        .outcome(new Outcome(Outcome.Status.valueOf(rs.getString(8)), rs.getString(9), rs.getString(10)))
        .causedBy(cause)
        .replayOf(replay);
    return new Raw(seq, b, Sha256Hash.fromHex(rs.getString(12)), Sha256Hash.fromHex(rs.getString(13)));
  }

  /** Sorted role names, comma-separated; empty for none. */
  static String roles(Set<Role> roles) {
    StringJoiner joined = new StringJoiner(",");
    EnumSet<Role> sorted = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    sorted.forEach(r -> joined.add(r.name()));
    return joined.toString();
  }

  static Set<Role> roles(String stored) {
    if (stored.isEmpty()) {
      return Set.of();
    }
    List<Role> roles = new ArrayList<>();
    for (String name : stored.split(",")) {
      roles.add(Role.valueOf(name.strip().toUpperCase(Locale.ROOT)));
    }
    return Set.copyOf(roles);
  }

  /** Hashes as comma-separated hex. */
  static String hashes(List<Sha256Hash> hashes) {
    StringJoiner joined = new StringJoiner(",");
    hashes.forEach(h -> joined.add(h.hex()));
    return joined.toString();
  }

  static List<Sha256Hash> hashes(String stored) {
    if (stored.isEmpty()) {
      return List.of();
    }
    List<Sha256Hash> hashes = new ArrayList<>();
    for (String hex : stored.split(",")) {
      hashes.add(Sha256Hash.fromHex(hex));
    }
    return List.copyOf(hashes);
  }
}
