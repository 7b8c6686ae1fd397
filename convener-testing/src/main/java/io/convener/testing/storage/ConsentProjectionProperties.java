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
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated half of the consent store contract: random histories (few subjects and purposes,
 * instants that collide and arrive out of order, expiring grants) appended in random slices, into
 * two tenants at once; afterwards every subject's current record, every purpose's {@code granted}
 * list and the version agree with a model of the rule "latest {@code at} wins, at equal instants
 * the last appended", and neither tenant sees the other's records. Extend {@link
 * ConsentStoreContract}, which extends this class, rather than this class.
 *
 * <p>A JUnit 5 parameterized test over the seeds 1 to 40: each seed draws its history from a {@link
 * SplittableRandom} seeded with it, runs on the fresh fixture of its own test, and names the seed in
 * its display name and in any failure, so that rerunning that seed repeats it exactly.
 */
public abstract class ConsentProjectionProperties {
  private static final List<Purpose> PURPOSES = List.of(Purpose.CHAMPION_RECOMMENDATION, Purpose.PROFILE_SHARE);

  /** Subclasses have a no-argument constructor, as JUnit requires. */
  protected ConsentProjectionProperties() {}

  /**
   * The stores under test, over a new and empty database; the lifecycle not yet started. Called
   * once per test; the contract starts the lifecycle and closes the fixture.
   */
  protected abstract ConsentStoreFixture openConsentStores() throws Exception;

  /** The started fixture of the current test. */
  abstract ConsentStoreFixture consentStores();

  /** One generated change: who, what, when (seconds after the contract's epoch), for how long. */
  record Change(int subject, int purpose, boolean grant, int second, int expiresAfter, int slice) {}

  static LongStream projectionSeeds() {
    return LongStream.rangeClosed(1, 40);
  }

  /** Up to 30 changes of four subjects and two purposes, at seconds 0 to 20, in slices 0 to 3. */
  static List<Change> history(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Change> history = new ArrayList<>();
    for (int n = r.nextInt(31); n > 0; n--) {
      history.add(new Change(r.nextInt(4), r.nextInt(PURPOSES.size()), r.nextBoolean(), r.nextInt(21), r.nextInt(16),
          r.nextInt(4)));
    }
    return history;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("projectionSeeds")
  void theProjectionFollowsTheLatestRecordInBothTenants(long seed) {
    try {
      theProjectionFollowsTheLatestRecordInBothTenants(seed, history(seed));
    } catch (AssertionError e) {
      throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
    }
  }

  private void theProjectionFollowsTheLatestRecordInBothTenants(long seed, List<Change> history) {
    ConsentStoreFixture generated = consentStores();
    ConsentStore store = generated.consent();
    TenantId first = TenantId.of("gen-" + seed + "-first");
    TenantId second = TenantId.of("gen-" + seed + "-second");
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
}
