package io.convener.core.internal.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convener.api.ConsentChangedException;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.StorageException;
import io.convener.api.TenantId;
import io.convener.api.notify.NotificationDraft;
import io.convener.core.ConvenerSettings;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 §7: the gate lets out a result its service declares a stale fallback even when the
 * provenance entry cannot be written, stamps it when the entry can, asks for no notifications for
 * it, and still refuses it when the consent filter does; a fresh result without its entry stays
 * refused (fail closed).
 */
class StaleFallbackGateTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final Principal ADMIN = Principal.of(ACME, "ada", Role.ADMIN);

  private final DefaultGateTest.Recorded log = new DefaultGateTest.Recorded();
  private final AtomicInteger notified = new AtomicInteger();

  private DefaultGate gate(ConsentFilter consent) {
    return new DefaultGate(log, new TenantRateLimiter(ConvenerSettings.defaults()), consent);
  }

  private Invocation<String> call(String result) {
    return Invocation.<String>of("thing.read", tenant -> result)
        .roles(Role.ADMIN)
        .stamp((r, id) -> r + " #" + id)
        .notifies(r -> {
          notified.incrementAndGet();
          return List.<NotificationDraft>of();
        })
        .fallback(r -> r.startsWith("stale"))
        .build();
  }

  @Test
  void aStaleResultLeavesUnstampedWhenItsEntryCannotBeWritten() {
    log.fail = true;
    assertThat(gate(ConsentFilter.IDENTITY).invoke(ADMIN, call("stale answer"))).isEqualTo("stale answer");
    assertThat(notified).hasValue(0);
  }

  @Test
  void aFreshResultWithoutItsEntryIsStillRefused() {
    log.fail = true;
    assertThatThrownBy(() -> gate(ConsentFilter.IDENTITY).invoke(ADMIN, call("fresh answer")))
        .isInstanceOf(StorageException.class);
  }

  @Test
  void aStaleResultIsStampedWhenTheStoreTakesItsEntryAndAsksForNoNotification() {
    assertThat(gate(ConsentFilter.IDENTITY).invoke(ADMIN, call("stale answer"))).isEqualTo("stale answer #0");
    assertThat(log.drafts).singleElement().satisfies(d -> assertThat(d.activity()).isEqualTo("thing.read"));
    assertThat(notified).hasValue(0);
    assertThat(gate(ConsentFilter.IDENTITY).invoke(ADMIN, call("fresh answer"))).isEqualTo("fresh answer #1");
    assertThat(notified).hasValue(1);
  }

  @Test
  void aStaleResultTheConsentFilterRefusesIsNotServed() {
    log.fail = true;
    ConsentFilter refusing = new ConsentFilter() {
      @Override
      public <T> T filter(Principal principal, Invocation<T> invocation, T result) {
        throw new StorageException("consent cannot be re-checked", null);
      }
    };
    assertThatThrownBy(() -> gate(refusing).invoke(ADMIN, call("stale answer")))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("consent cannot be re-checked");
    ConsentFilter withdrawn = new ConsentFilter() {
      @Override
      public <T> T filter(Principal principal, Invocation<T> invocation, T result) {
        throw new ConsentChangedException("withdrawn");
      }
    };
    assertThatThrownBy(() -> gate(withdrawn).invoke(ADMIN, call("stale answer")))
        .isInstanceOf(ConsentChangedException.class);
  }
}
