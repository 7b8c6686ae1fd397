package io.convener.junit;

import static io.convener.junit.PerTestExtensionTest.ADMIN;
import static io.convener.junit.PerTestExtensionTest.entries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.TenantId;
import io.convener.api.model.Member;
import io.convener.core.ConvenerSettings;
import io.convener.core.RateLimits;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On a static field: one Convener for the class, with the host's settings and modules. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerClassExtensionTest {
  static boolean moduleInstalled;

  @RegisterExtension
  static final ConvenerExtension CONVENER = ConvenerExtension.perClass()
      .settings(ConvenerSettings.defaults().withRateLimits(
          RateLimits.defaults().with("ingest", new RateLimits.Quota(4, Duration.ofMinutes(1)))))
      .module(new AbstractModule() {
        @Override
        protected void configure() {
          moduleInstalled = true;
        }
      });

  static Convener shared;

  @Test
  @Order(1)
  void theFirstTestWritesData(Convener convener) {
    shared = convener;
    assertThat(convener).isSameAs(CONVENER.convener());
    assertThat(moduleInstalled).as("the host's module is installed").isTrue();
    assertThat(PerTestExtensionTest.newEvents(convener)).isEqualTo(1);
  }

  @Test
  @Order(2)
  void theNextTestSeesItAndTheSettingsHold() {
    assertThat(CONVENER.convener()).isSameAs(shared);
    assertThat(PerTestExtensionTest.newEvents(shared)).as("the first test's event is still there").isZero();
    assertThatThrownBy(() -> shared.ingest().submit(ADMIN, List.of(Member.of(MemberId.of("c"))), List.of()))
        .as("the quota of 4 records a minute").isInstanceOf(io.convener.api.RateLimitedException.class);
  }

  @AfterAll
  static void notYetClosedInAfterAll() {
    assertThat(entries(shared)).as("open until the extension's afterAll").isPositive();
  }

  @Test
  @Order(3)
  void outsideATestThereIsNoConvener() {
    assertThatThrownBy(() -> ConvenerExtension.perTest().convener()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no Convener is open");
    assertThat(TenantId.of("acme")).isEqualTo(ADMIN.tenant());
  }
}
