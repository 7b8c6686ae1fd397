package io.convener.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.AccessDeniedException;
import io.convener.api.EventId;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentPolicy;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.Purpose;
import io.convener.api.model.Attrs;
import io.convener.api.model.Event;
import io.convener.api.model.EventKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential test of the gate against itself and against a model: after every step of a random
 * sequence of grants, revocations, expiring grants, interchange events arriving out of order,
 * policy changes, writes by another process and the passing of time, for every member and
 * purpose, {@code check} agrees with {@code list} membership and with what the output filter
 * discloses; and all three agree with a model of the rules (latest {@code at} wins, expiry, policy,
 * default deny). Writes by another process may leave {@code check} and {@code list} behind until
 * the cache refreshes, but never apart from each other, and never the output filter.
 *
 * <p>One fixture serves all seeds; each seed uses a tenant of its own, draws its steps from a
 * {@link SplittableRandom} seeded with it, and names the seed in any failure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckListDifferentialTest {
  private static final List<Purpose> PURPOSES =
      List.of(Purpose.CHAMPION_RECOMMENDATION, Purpose.PROFILE_SHARE, Purpose.of("host.analytics"));
  private static final int MEMBERS = 5;

  private @Nullable GateFixture fixture;

  @BeforeAll
  void open() {
    fixture = new GateFixture();
  }

  @AfterAll
  void close() {
    if (fixture != null) {
      fixture.close();
    }
  }

  /** One step. */
  sealed interface Step permits Grant, Revoke, Interchange, Advance, SetPolicy, OtherProcessRevokes {}

  /** An admin grants on the member's behalf, possibly expiring. */
  record Grant(int member, int purpose, int expiresIn) implements Step {}

  /** The member revokes. */
  record Revoke(int member, int purpose) implements Step {}

  /** An interchange event, dated {@code secondsAgo} in the past, is ingested. */
  record Interchange(int member, int purpose, boolean grant, int secondsAgo, int expiresIn) implements Step {}

  /** Time passes. */
  record Advance(int seconds) implements Step {}

  /** An admin sets the policy to enable some purposes. */
  record SetPolicy(Set<Integer> enabled) implements Step {}

  /** Another process revokes, on the same database, bypassing this gate's cache. */
  record OtherProcessRevokes(int member, int purpose) implements Step {}

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 100);
  }

  /** One to 25 steps; grants weigh 5, revocations, interchange events and time 3, the rest 1. */
  static List<Step> steps(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Step> steps = new ArrayList<>();
    for (int n = 1 + r.nextInt(25); n > 0; n--) {
      int member = r.nextInt(MEMBERS);
      int purpose = r.nextInt(PURPOSES.size());
      int kind = r.nextInt(16);
      if (kind < 5) {
        steps.add(new Grant(member, purpose, pick(r, 0, 0, 5, 30, 120)));
      } else if (kind < 8) {
        steps.add(new Revoke(member, purpose));
      } else if (kind < 11) {
        steps.add(new Interchange(member, purpose, r.nextBoolean(), r.nextInt(61), pick(r, 0, 0, 10, 90)));
      } else if (kind < 14) {
        steps.add(new Advance(pick(r, 1, 5, 30, 100)));
      } else if (kind < 15) {
        Set<Integer> enabled = new HashSet<>();
        for (int p = 0; p < PURPOSES.size(); p++) {
          if (r.nextBoolean()) {
            enabled.add(p);
          }
        }
        steps.add(new SetPolicy(enabled));
      } else {
        steps.add(new OtherProcessRevokes(member, purpose));
      }
    }
    return steps;
  }

  private static int pick(SplittableRandom r, int... values) {
    return values[r.nextInt(values.length)];
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void checkListAndTheOutputFilterAlwaysAgree(long seed) {
    try {
      check(seed, steps(seed));
    } catch (AssertionError e) {
      throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
    }
  }

  private void check(long seed, List<Step> steps) {
    GateFixture f = requireFixture();
    TenantId tenant = TenantId.of("diff-" + seed);
    Principal admin = Principal.of(tenant, "admin", Role.ADMIN);
    DefaultConsentEngine gate = f.anotherGate();
    DefaultConsentEngine otherProcess = f.anotherGate();
    Model model = new Model();
    boolean behind = false;
    int events = 0;

    for (Step step : steps) {
      Instant now = f.clock.instant();
      if (step instanceof Grant g) {
        Purpose p = PURPOSES.get(g.purpose());
        Optional<Instant> expires = g.expiresIn() == 0 ? Optional.empty() : Optional.of(now.plusSeconds(g.expiresIn()));
        if (model.enabled.contains(p)) {
          gate.grant(admin, member(g.member()), p, "notice-1", expires);
          model.record(g.member(), p, true, now, expires.orElse(null));
          behind = false;
        } else {
          assertThatThrownBy(() -> gate.grant(admin, member(g.member()), p, "notice-1", expires))
              .isInstanceOf(AccessDeniedException.class);
        }
      } else if (step instanceof Revoke r) {
        Purpose p = PURPOSES.get(r.purpose());
        gate.revoke(Principal.of(tenant, member(r.member()).value(), Role.MEMBER), member(r.member()), p);
        model.record(r.member(), p, false, now, null);
        behind = false;
      } else if (step instanceof Interchange i) {
        Purpose p = PURPOSES.get(i.purpose());
        Instant at = now.minusSeconds(i.secondsAgo());
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("purpose", p.name());
        attrs.put("decision", i.grant() ? "granted" : "revoked");
        Instant expires = i.grant() && i.expiresIn() > 0 ? at.plusSeconds(i.expiresIn()) : null;
        if (expires != null) {
          attrs.put("expiresAt", expires.toString());
        }
        Event e = Event.builder(EventId.of("e-" + ++events), at, EventKind.CONSENT, member(i.member()))
            .attrs(Attrs.of(attrs)).build();
        gate.stored(tenant, List.of(e), List.of());
        model.record(i.member(), p, i.grant(), at, expires);
        behind = false;
      } else if (step instanceof Advance a) {
        f.clock.advance(Duration.ofSeconds(a.seconds()));
      } else if (step instanceof SetPolicy s) {
        Set<Purpose> enabled = new HashSet<>();
        s.enabled().forEach(index -> enabled.add(PURPOSES.get(index)));
        gate.setPolicy(admin, new ConsentPolicy(enabled));
        model.enabled = enabled;
        behind = false;
      } else if (step instanceof OtherProcessRevokes o) {
        Purpose p = PURPOSES.get(o.purpose());
        otherProcess.revoke(admin, member(o.member()), p);
        model.record(o.member(), p, false, now, null);
        behind = true;
      }
      assertAgreement(gate, tenant, model, f.clock.instant(), behind);
    }
  }

  private static void assertAgreement(DefaultConsentEngine gate, TenantId tenant, Model model, Instant now, boolean behind) {
    List<MemberId> everybody = new ArrayList<>();
    for (int m = 0; m < MEMBERS; m++) {
      everybody.add(member(m));
    }
    for (Purpose p : PURPOSES) {
      // The first read after the refresh interval triggers the refresh; read once so all reads below see one state.
      gate.check(tenant, member(0), p);
      List<MemberId> listed = gate.list(tenant, p);
      assertThat(listed).isSorted().doesNotHaveDuplicates();
      for (MemberId m : everybody) {
        boolean checked = gate.check(tenant, m, p);
        assertThat(listed.contains(m)).as("list vs check, %s %s", m, p).isEqualTo(checked);
        if (!behind) {
          assertThat(checked).as("check vs model, %s %s", m, p).isEqualTo(model.inForce(m, p, now));
        }
      }
      // Last, because it reads the store's version and brings a cache that is behind up to date.
      Set<MemberId> disclosed = new HashSet<>();
      gate.disclose(tenant, p, everybody).disclosed().stream().map(Disclosed::value).forEach(disclosed::add);
      for (MemberId m : everybody) {
        assertThat(disclosed.contains(m)).as("disclose vs model, %s %s", m, p).isEqualTo(model.inForce(m, p, now));
      }
      assertThat(gate.countDisclosable(tenant, p, everybody)).as("count vs disclose, %s", p).isEqualTo(disclosed.size());
    }
  }

  private static MemberId member(int index) {
    return MemberId.of("m-" + index);
  }

  private GateFixture requireFixture() {
    if (fixture == null) {
      throw new IllegalStateException("no fixture");
    }
    return fixture;
  }

  /** The rules, written out plainly. */
  private static final class Model {
    record Latest(boolean grant, Instant at, @Nullable Instant expires) {}

    final Map<String, Latest> latest = new HashMap<>();
    Set<Purpose> enabled = new HashSet<>(Purpose.standard());

    void record(int member, Purpose p, boolean grant, Instant at, @Nullable Instant expires) {
      String key = member(member) + "/" + p;
      Latest current = latest.get(key);
      if (current == null || !at.isBefore(current.at())) {
        latest.put(key, new Latest(grant, at, expires));
      }
    }

    boolean inForce(MemberId m, Purpose p, Instant now) {
      Latest l = latest.get(m + "/" + p);
      return enabled.contains(p) && l != null && l.grant() && (l.expires() == null || now.isBefore(l.expires()));
    }
  }
}
