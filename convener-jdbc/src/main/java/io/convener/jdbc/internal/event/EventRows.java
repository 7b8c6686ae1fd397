package io.convener.jdbc.internal.event;

import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.TeamId;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.jdbc.internal.db.EpochNanos;
import io.convener.jdbc.internal.db.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.function.Function;
import org.jdbi.v3.core.statement.StatementContext;

/** Column encoding of events: binds an event's row, and maps a row back. No reflection. */
final class EventRows {
  /** The columns {@link #map} reads, in its order. */
  static final String COLUMNS = "event_id, at, kind, actor, team, weight, sentiment, targets, refs, tags, attrs";

  private EventRows() {}

  /**
   * Binds the twelve positional parameters of {@code Dialect.eventInsert()} for one event: plain
   * JDBC setters, as this is the ingestion hot path.
   */
  static void bind(PreparedStatement insert, String tenant, Event e, long at, long change) throws SQLException {
    insert.setString(1, tenant);
    insert.setString(2, e.id().value());
    insert.setLong(3, at);
    insert.setString(4, e.kind().wireName());
    insert.setString(5, e.actor().value());
    if (e.team().isPresent()) {
      insert.setString(6, e.team().get().value());
    } else {
      insert.setNull(6, Types.VARCHAR);
    }
    insert.setDouble(7, e.weight());
    if (e.sentiment().isPresent()) {
      insert.setDouble(8, e.sentiment().getAsDouble());
    } else {
      insert.setNull(8, Types.DOUBLE);
    }
    insert.setString(9, Json.array(e.targets(), MemberId::value));
    insert.setString(10, Json.array(e.refs(), EventId::value));
    insert.setString(11, Json.array(e.tags(), Function.identity()));
    insert.setString(12, Json.object(e.attrs()));
    insert.setLong(13, change);
  }

  /** Maps a row of {@link #COLUMNS}. */
  static Event map(ResultSet rs, StatementContext ctx) throws SQLException {
    String kind = rs.getString(3);
    Event.Builder b = Event.builder(
            EventId.of(rs.getString(1)),
            EpochNanos.toInstant(rs.getLong(2)),
            EventKind.fromWireName(kind).orElseThrow(
                () -> new IllegalStateException("the store holds an event of unknown kind '" + kind + "'")),
            MemberId.of(rs.getString(4)))
        .weight(rs.getDouble(6))
        .targets(Json.list(rs.getString(8), MemberId::of, "targets"))
        .refs(Json.list(rs.getString(9), EventId::of, "refs"))
        .tags(Json.list(rs.getString(10), Function.identity(), "tags"))
        .attrs(Json.attrs(rs.getString(11)));
    String team = rs.getString(5);
    if (team != null) {
      b.team(TeamId.of(team));
    }
    double sentiment = rs.getDouble(7);
    if (!rs.wasNull()) {
      b.sentiment(sentiment);
    }
    return b.build();
  }
}
