package io.convener.testing.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentDecision;
import io.convener.api.consent.ConsentMethod;
import io.convener.api.consent.ConsentRecord;
import io.convener.api.consent.ConsentRecordId;
import io.convener.api.consent.Purpose;
import io.convener.spi.storage.ConsentStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import org.jspecify.annotations.Nullable;
import org.opentest4j.TestAbortedException;

/**
 * The generated half of the consent store contract, run by jqwik: random histories (few subjects
 * and purposes, instants that collide and arrive out of order, expiring grants) appended in random
 * slices, into two tenants at once; afterwards every subject's current record, every purpose's
 * {@code granted} list and the version agree with a model of the rule "latest {@code at} wins, at
 * equal instants the last appended", and neither tenant sees the other's records. Extend {@link
 * ConsentStoreContract}, which extends this class, rather than this class.
 */
public abstract class ConsentProjectionProperties {
  private static final List<Purpose> PURPOSES = List.of(Purpose.CHAMPION_RECOMMENDATION, Purpose.PROFILE_SHARE);

  private final AtomicInteger tries = new AtomicInteger();
  private @Nullable ConsentStoreFixture generated;
  private @Nullable TestAbortedException unavailable;

  /** Subclasses have a no-argument constructor, as JUnit and jqwik require. */
  protected ConsentProjectionProperties() {}

  /**
   * The stores under test, over a new and empty database; the lifecycle not yet started. Called
   * once per test and once per property; the contract starts the lifecycle and closes the fixture.
   */
  protected abstract ConsentStoreFixture openConsentStores() throws Exception;

  @BeforeProperty
  void openGeneratedFixture() throws Exception {
    try {
      generated = openConsentStores();
    } catch (TestAbortedException e) {
      unavailable = e;
      return;
    }
    generated.lifecycle().start();
  }

  @AfterProperty
  void closeGeneratedFixture() {
    if (generated != null) {
      generated.close();
    }
  }

  /** One generated change: who, what, when (seconds after the contract's epoch), for how long. */
  record Change(int subject, int purpose, boolean grant, int second, int expiresAfter, int slice) {}

  @Provide
  Arbitrary<List<Change>> histories() {
    Arbitrary<Change> change = Combinators.combine(
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, PURPOSES.size() - 1),
            Arbitraries.of(true, false),
            Arbitraries.integers().between(0, 20),
            Arbitraries.integers().between(0, 15),
            Arbitraries.integers().between(0, 3))
        .as(Change::new);
    return change.list().ofMaxSize(30);
  }

  @Property(tries = 40)
  @AddLifecycleHook(AbortWhenUnavailable.class)
  void theProjectionFollowsTheLatestRecordInBothTenants(@ForAll("histories") List<Change> history) {
    if (unavailable != null) {
      return;
    }
    if (generated == null) {
      throw new IllegalStateException("no fixture: openConsentStores() failed");
    }
    ConsentStore store = generated.consent();
    int n = tries.incrementAndGet();
    TenantId first = TenantId.of("gen-" + n + "-first");
    TenantId second = TenantId.of("gen-" + n + "-second");
    generated.tenants().register(first);
    generated.tenants().register(second);

    // The second tenant gets the same ids with the opposite decisions, so any leak shows.
    Map<String, ConsentRecord> firstModel = new HashMap<>();
    Map<String, ConsentRecord> secondModel = new HashMap<>();
    List<ConsentRecord> slice1 = new ArrayList<>();
    List<ConsentRecord> slice2 = new ArrayList<>();
    int lastSlice = -1;
    for (int i = 0; i < history.size(); i++) {
      Change c = history.get(i);
      if (c.slice() != lastSlice && !slice1.isEmpty()) {
        store.append(first, slice1);
        store.append(second, slice2);
        slice1 = new ArrayList<>();
        slice2 = new ArrayList<>();
      }
      lastSlice = c.slice();
      ConsentRecord r1 = record(first, i, c, c.grant());
      ConsentRecord r2 = record(second, i, c, !c.grant());
      slice1.add(r1);
      slice2.add(r2);
      follow(firstModel, r1);
      follow(secondModel, r2);
    }
    if (!slice1.isEmpty()) {
      store.append(first, slice1);
      store.append(second, slice2);
    }

    assertAgrees(store, first, firstModel, history.size());
    assertAgrees(store, second, secondModel, history.size());
  }

  private static void follow(Map<String, ConsentRecord> model, ConsentRecord r) {
    String key = r.purpose() + "/" + r.subject();
    ConsentRecord current = model.get(key);
    if (current == null || !r.at().isBefore(current.at())) {
      model.put(key, r);
    }
  }

  private static void assertAgrees(ConsentStore store, TenantId tenant, Map<String, ConsentRecord> model, int size) {
    assertThat(store.version(tenant)).isEqualTo(size);
    for (Purpose purpose : PURPOSES) {
      for (int s = 0; s < 4; s++) {
        MemberId subject = MemberId.of("subject-" + s);
        assertThat(store.current(tenant, subject, purpose))
            .as("current %s %s", subject, purpose)
            .isEqualTo(Optional.ofNullable(model.get(purpose + "/" + subject)));
      }
      for (int second : new int[] {0, 10, 25, 40}) {
        Instant asOf = ContractData.at(second);
        List<ConsentRecord> expected = model.values().stream()
            .filter(r -> r.purpose().equals(purpose) && r.inForceAt(asOf))
            .sorted((a, b) -> a.subject().compareTo(b.subject()))
            .toList();
        assertThat(store.granted(tenant, purpose, asOf)).as("granted %s at %s", purpose, asOf)
            .containsExactlyElementsOf(expected);
      }
    }
  }

  private static ConsentRecord record(TenantId tenant, int index, Change c, boolean grant) {
    Instant at = ContractData.at(c.second());
    ConsentRecord.Builder b = ConsentRecord.builder()
        .id(ConsentRecordId.of("r-" + index))
        .tenant(tenant)
        .subject(MemberId.of("subject-" + c.subject()))
        .purpose(PURPOSES.get(c.purpose()))
        .decision(grant ? ConsentDecision.GRANTED : ConsentDecision.REVOKED)
        .method(ConsentMethod.ADMIN_ON_BEHALF)
        .recordedBy("admin")
        .at(at);
    if (grant && c.expiresAfter() > 0) {
      b.expiresAt(at.plusSeconds(c.expiresAfter()));
    }
    return b.build();
  }

  /**
   * Reports the property as aborted, not passed, when {@link #openConsentStores()} gave up through
   * a JUnit assumption (for example a database server that is not configured).
   */
  public static final class AbortWhenUnavailable implements AroundPropertyHook {
    /** Created by jqwik. */
    public AbortWhenUnavailable() {}

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
      PropertyExecutionResult result = property.execute();
      if (context.testInstance() instanceof ConsentProjectionProperties contract && contract.unavailable != null) {
        return result.mapToAborted(contract.unavailable);
      }
      return result;
    }
  }
}
