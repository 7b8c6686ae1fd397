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
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.jspecify.annotations.Nullable;

/**
 * Differential test of the gate against itself and against a model: after every step of a random
 * sequence of grants, revocations, expiring grants, interchange events arriving out of order,
 * policy changes, writes by another process and the passing of time, for every member and
 * purpose, {@code check} agrees with {@code list} membership and with what the output filter
 * discloses; and all three agree with a model of the rules (latest {@code at} wins, expiry, policy,
 * default deny). Writes by another process may leave {@code check} and {@code list} behind until
 * the cache refreshes, but never apart from each other, and never the output filter.
 */
class CheckListDifferentialTest {
  private static final List<Purpose> PURPOSES =
      List.of(Purpose.CHAMPION_RECOMMENDATION, Purpose.PROFILE_SHARE, Purpose.of("host.analytics"));
  private static final int MEMBERS = 5;

  private final AtomicInteger tries = new AtomicInteger();
  private @Nullable GateFixture fixture;

  @BeforeProperty
  void open() {
    fixture = new GateFixture();
  }

  @AfterProperty
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

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Integer> member = Arbitraries.integers().between(0, MEMBERS - 1);
    Arbitrary<Integer> purpose = Arbitraries.integers().between(0, PURPOSES.size() - 1);
    Arbitrary<Step> step = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, Combinators.combine(member, purpose, Arbitraries.of(0, 0, 5, 30, 120))
            .as(Grant::new)),
        net.jqwik.api.Tuple.of(3, Combinators.combine(member, purpose).as(Revoke::new)),
        net.jqwik.api.Tuple.of(3, Combinators.combine(member, purpose, Arbitraries.of(true, false),
            Arbitraries.integers().between(0, 60), Arbitraries.of(0, 0, 10, 90)).as(Interchange::new)),
        net.jqwik.api.Tuple.of(3, Arbitraries.of(1, 5, 30, 100).map(Advance::new)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, PURPOSES.size() - 1).set().map(SetPolicy::new)),
        net.jqwik.api.Tuple.of(1, Combinators.combine(member, purpose).as(OtherProcessRevokes::new)));
    return step.list().ofMinSize(1).ofMaxSize(25);
  }

  @Property(tries = 100)
  void checkListAndTheOutputFilterAlwaysAgree(@ForAll("steps") List<Step> steps) {
    GateFixture f = requireFixture();
    TenantId tenant = TenantId.of("diff-" + tries.incrementAndGet());
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
