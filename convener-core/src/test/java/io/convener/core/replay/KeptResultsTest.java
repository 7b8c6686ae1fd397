package io.convener.core.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Key;
import com.google.inject.multibindings.OptionalBinder;
import io.convener.api.ConsentChangedException;
import io.convener.api.Convener;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TeamId;
import io.convener.api.TenantId;
import io.convener.api.champion.ChampionQuery;
import io.convener.api.consent.Purpose;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import io.convener.api.model.Member;
import io.convener.api.replay.Claim;
import io.convener.api.replay.IdempotencyKey;
import io.convener.api.replay.KeepPolicy;
import io.convener.api.replay.Receipt;
import io.convener.core.Conveners;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Idempotency keys in the store, on an SQLite file: what a claim finds, a kept result across a
 * restart, take-over of a stale claim, expiry and purge, the tenant boundary, and that the stored
 * row holds no response in the clear.
 */
class KeptResultsTest {
  static final TenantId ACME = TenantId.of("acme");
  static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
  static final Principal ADMIN = Principal.of(ACME, "admin", Role.ADMIN);
  static final Principal MANAGER = Principal.of(ACME, "cm", Role.COMMUNITY_MANAGER);
  static final KeepPolicy POLICY = new KeepPolicy(Duration.ofHours(24), Duration.ofMinutes(5));
  static final byte[] RESPONSE = "{\"champions\":[\"person-a\"]}".getBytes(StandardCharsets.UTF_8);

  /** A clock that moves when the test says so. */
  static final class MovingClock extends Clock {
    volatile Instant now = Instant.parse("2026-11-02T00:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  @TempDir Path dir;
  final MovingClock clock = new MovingClock();
  final List<Convener> open = new ArrayList<>();

  @AfterEach
  void closeAll() {
    open.forEach(Convener::close);
  }

  String url() {
    return "jdbc:sqlite:" + dir.resolve("convener.db");
  }

  Convener start() {
    Convener convener = Conveners.builder().database(url()).keyDirectory(dir.resolve("keys"))
        .module(b -> OptionalBinder.newOptionalBinder(b, Key.get(Clock.class, ReplayClock.class)).setBinding()
            .toInstance(clock))
        .build();
    open.add(convener);
    return convener;
  }

  static void seed(Convener convener) {
    List<Member> members = new ArrayList<>();
    for (String id : List.of("a", "b", "c")) {
      members.add(Member.builder(MemberId.of(id)).teams(TeamId.of("red")).build());
    }
    String[][] replies = {{"a", "b"}, {"b", "c"}, {"c", "a"}};
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < replies.length; i++) {
      events.add(Event.builder(EventId.of("e" + i), AS_OF.minus(Duration.ofDays(2 + i)), EventKind.REPLY,
          MemberId.of(replies[i][0])).targets(List.of(MemberId.of(replies[i][1]))).build());
    }
    convener.ingest().submit(ADMIN, members, events);
    members.forEach(m -> convener.consent().grant(ADMIN, m.id(), Purpose.CHAMPION_RECOMMENDATION, "notice-1"));
  }

  static Receipt rank(Convener convener, Principal p) {
    return convener.replays().record(p, () -> convener.champions().rank(p, ChampionQuery.builder().asOf(AS_OF)
        .build())).receipt().orElseThrow();
  }

  static IdempotencyKey key(String key, String fingerprint) {
    return new IdempotencyKey("POST /v1/champions/rank", key, fingerprint);
  }

  /** Claims, runs and keeps: what a first request with a key does. */
  static Claim.Won keepOnce(Convener convener, IdempotencyKey key) {
    Claim.Won won = (Claim.Won) convener.replays().claim(MANAGER, key, POLICY);
    assertThat(convener.replays().keep(MANAGER, won, RESPONSE, rank(convener, MANAGER))).isTrue();
    return won;
  }

  @Test
  void aKeptResultIsFoundAfterARestartAndItsReplayIsStillChecked() {
    Convener first = start();
    seed(first);
    keepOnce(first, key("k1", "f1"));
    first.close();
    open.remove(first);

    Convener again = start();
    Claim found = again.replays().claim(MANAGER, key("k1", "f1"), POLICY);
    assertThat(found).isInstanceOf(Claim.Kept.class);
    Claim.Kept kept = (Claim.Kept) found;
    assertThat(kept.result()).isEqualTo(RESPONSE);
    assertThat(again.replays().replay(MANAGER, kept.receipt())).hasSize(1);
    assertThat(again.replays().claim(MANAGER, key("k1", "other body"), POLICY)).isInstanceOf(Claim.Reused.class);

    again.consent().revoke(ADMIN, MemberId.of("a"), Purpose.CHAMPION_RECOMMENDATION);
    assertThatThrownBy(() -> again.replays().replay(MANAGER, kept.receipt()))
        .isInstanceOf(ConsentChangedException.class);
  }

  @Test
  void aRunningClaimBlocksRepeatsUntilItsTimeoutThenIsTakenOver() {
    Convener convener = start();
    seed(convener);
    Claim.Won dead = (Claim.Won) convener.replays().claim(MANAGER, key("k", "f"), POLICY);
    assertThat(convener.replays().claim(MANAGER, key("k", "f"), POLICY)).isInstanceOf(Claim.InProgress.class);

    clock.now = clock.now.plus(POLICY.runningTimeout()).plusSeconds(1);
    Claim taken = convener.replays().claim(MANAGER, key("k", "f"), POLICY);
    assertThat(taken).isInstanceOf(Claim.Won.class);
    assertThat(((Claim.Won) taken).claimId()).isNotEqualTo(dead.claimId());
    // The node that "died" comes back: its claim is gone, it keeps nothing and frees nothing.
    assertThat(convener.replays().keep(MANAGER, dead, RESPONSE, rank(convener, MANAGER))).isFalse();
    convener.replays().release(MANAGER, key("k", "f"), dead.claimId());
    assertThat(convener.replays().claim(MANAGER, key("k", "f"), POLICY)).isInstanceOf(Claim.InProgress.class);
  }

  @Test
  void expiredKeysAreFreeAgainAndPurged() throws SQLException {
    Convener convener = start();
    seed(convener);
    keepOnce(convener, key("old", "f"));
    assertThat(rows()).isEqualTo(1);

    clock.now = clock.now.plus(POLICY.keepFor()).plus(KeptResults.PURGE_EVERY);
    keepOnce(convener, key("new", "f"));
    assertThat(rows()).as("the expired key was purged by the next claim").isEqualTo(1);
    assertThat(convener.replays().claim(MANAGER, key("old", "f"), POLICY)).isInstanceOf(Claim.Won.class);
  }

  @Test
  void aKeyIsScopedToItsTenantSubjectAndRoute() {
    Convener convener = start();
    seed(convener);
    keepOnce(convener, key("k", "f"));
    Principal otherTenant = Principal.of(TenantId.of("globex"), "cm", Role.COMMUNITY_MANAGER);
    Principal otherSubject = Principal.of(ACME, "cm2", Role.COMMUNITY_MANAGER);
    assertThat(convener.replays().claim(otherTenant, key("k", "f"), POLICY)).isInstanceOf(Claim.Won.class);
    assertThat(convener.replays().claim(otherSubject, key("k", "f"), POLICY)).isInstanceOf(Claim.Won.class);
    assertThat(convener.replays().claim(MANAGER, new IdempotencyKey("POST /v1/other", "k", "f"), POLICY))
        .isInstanceOf(Claim.Won.class);
    assertThatThrownBy(() -> convener.replays().keep(otherSubject,
        (Claim.Won) convener.replays().claim(otherSubject, key("k2", "f"), POLICY), RESPONSE, rank(convener, MANAGER)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only for the principal");
  }

  @Test
  void theStoredRowHoldsNeitherTheResponseNorTheKeyInTheClear() throws SQLException {
    Convener convener = start();
    seed(convener);
    keepOnce(convener, key("my-secret-key", "f"));
    try (Connection c = DriverManager.getConnection(url());
        ResultSet rs = c.createStatement().executeQuery("SELECT scope, sealed FROM idempotency_keys")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).doesNotContain("my-secret-key").doesNotContain("cm").hasSize(64);
      assertThat(new String(rs.getBytes(2), StandardCharsets.ISO_8859_1)).doesNotContain("person-a");
    }
  }

  long rows() throws SQLException {
    try (Connection c = DriverManager.getConnection(url());
        ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM idempotency_keys")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
