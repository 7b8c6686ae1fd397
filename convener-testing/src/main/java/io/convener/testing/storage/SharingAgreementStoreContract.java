package io.convener.testing.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.TenantId;
import io.convener.api.innovation.SharingAgreement;
import io.convener.api.innovation.SharingTerms;
import io.convener.spi.storage.SharingAgreementStore;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SharingAgreementStore}: every implementation passes it once per database
 * it supports. A subclass implements {@link #openSharingAgreementStore()}; the contract starts the
 * lifecycle before each test and closes the fixture after it.
 *
 * <p>Covered: agreements round-trip every field at nanosecond precision; a put replaces the same
 * terms; removal says whether there was a row; listing is ordered by direction, then counterpart;
 * and one tenant's side never shows under another tenant, even for the same terms.
 */
public abstract class SharingAgreementStoreContract {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final TenantId INITECH = TenantId.of("initech");
  private static final Instant T0 = Instant.parse("2025-03-01T10:15:30.123456789Z");

  private @Nullable SharingAgreementStoreFixture fixture;

  /** Subclasses have a no-argument constructor, as JUnit requires. */
  protected SharingAgreementStoreContract() {}

  /** A fixture over a new, empty database; the contract starts and closes it. */
  protected abstract SharingAgreementStoreFixture openSharingAgreementStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    fixture = openSharingAgreementStore();
    fixture.lifecycle().start();
  }

  @AfterEach
  void close() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private SharingAgreementStore store() {
    assertThat(fixture).isNotNull();
    return fixture.agreements();
  }

  @Test
  void roundTripsEveryFieldAndReplacesTheSameTerms() {
    SharingAgreement first = new SharingAgreement(ACME, SharingTerms.shareWith(GLOBEX), "admin-1", T0);
    store().put(ACME, first);
    assertThat(store().find(ACME, SharingTerms.shareWith(GLOBEX))).contains(first);
    assertThat(store().find(ACME, SharingTerms.acceptFrom(GLOBEX))).as("the other direction").isEmpty();

    SharingAgreement again = new SharingAgreement(ACME, SharingTerms.shareWith(GLOBEX), "admin-2", T0.plusSeconds(60));
    store().put(ACME, again);
    assertThat(store().find(ACME, SharingTerms.shareWith(GLOBEX))).contains(again);
    assertThat(store().list(ACME)).containsExactly(again);
  }

  @Test
  void removalSaysWhetherThereWasAnAgreement() {
    store().put(ACME, new SharingAgreement(ACME, SharingTerms.acceptFrom(GLOBEX), "admin-1", T0));
    assertThat(store().remove(ACME, SharingTerms.shareWith(GLOBEX))).isFalse();
    assertThat(store().remove(ACME, SharingTerms.acceptFrom(GLOBEX))).isTrue();
    assertThat(store().remove(ACME, SharingTerms.acceptFrom(GLOBEX))).isFalse();
    assertThat(store().list(ACME)).isEmpty();
  }

  @Test
  void listsByDirectionThenCounterpart() {
    SharingAgreement a = new SharingAgreement(ACME, SharingTerms.shareWith(INITECH), "admin", T0);
    SharingAgreement b = new SharingAgreement(ACME, SharingTerms.acceptFrom(INITECH), "admin", T0);
    SharingAgreement c = new SharingAgreement(ACME, SharingTerms.shareWith(GLOBEX), "admin", T0);
    SharingAgreement d = new SharingAgreement(ACME, SharingTerms.acceptFrom(GLOBEX), "admin", T0);
    for (SharingAgreement x : new SharingAgreement[] {a, b, c, d}) {
      store().put(ACME, x);
    }
    assertThat(store().list(ACME)).containsExactly(d, b, c, a);
  }

  @Test
  void oneTenantsSideNeverShowsUnderAnother() {
    store().put(ACME, new SharingAgreement(ACME, SharingTerms.shareWith(INITECH), "admin", T0));
    assertThat(store().find(GLOBEX, SharingTerms.shareWith(INITECH))).isEmpty();
    assertThat(store().list(GLOBEX)).isEmpty();
    assertThat(store().remove(GLOBEX, SharingTerms.shareWith(INITECH))).isFalse();
    assertThat(store().list(ACME)).hasSize(1);

    store().put(GLOBEX, new SharingAgreement(GLOBEX, SharingTerms.shareWith(INITECH), "other", T0.plusSeconds(1)));
    assertThat(store().find(ACME, SharingTerms.shareWith(INITECH)).orElseThrow().recordedBy()).isEqualTo("admin");
    assertThat(store().find(GLOBEX, SharingTerms.shareWith(INITECH)).orElseThrow().recordedBy()).isEqualTo("other");
  }

  @Test
  void refusesAnAgreementOfAnotherTenant() {
    SharingAgreement globex = new SharingAgreement(GLOBEX, SharingTerms.shareWith(ACME), "admin", T0);
    assertThatThrownBy(() -> store().put(ACME, globex))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another tenant");
    assertThat(store().list(ACME)).isEmpty();
    assertThat(store().list(GLOBEX)).isEmpty();
  }
}
