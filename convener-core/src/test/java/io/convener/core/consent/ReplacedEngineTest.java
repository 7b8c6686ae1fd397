package io.convener.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Binding;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.spi.ConstructorBinding;
import com.google.inject.spi.Dependency;
import io.convener.api.ConsentChangedException;
import io.convener.api.Convener;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentPolicy;
import io.convener.api.consent.ConsentRecord;
import io.convener.api.consent.ConsentRecordId;
import io.convener.api.consent.Disclosed;
import io.convener.api.consent.Disclosure;
import io.convener.api.consent.Purpose;
import io.convener.api.profile.Profile;
import io.convener.core.ConvenerModule;
import io.convener.core.ConvenerSettings;
import io.convener.core.internal.consent.ConsentEngine;
import io.convener.core.internal.gate.Gate;
import io.convener.core.internal.gate.Invocation;
import io.convener.jdbc.JdbcSettings;
import io.convener.jdbc.JdbcStorageModule;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A host that replaces the consent engine through its {@code OptionalBinder} is the only engine
 * consulted: by the public gate, by the choke point's re-check of every result, and by every
 * service the injector builds. The replacement here wraps the default engine but never lets Bo be
 * named, so wherever the default were still consulted, Bo would show.
 */
class ReplacedEngineTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final MemberId ANA = MemberId.of("ana");
  private static final MemberId BO = MemberId.of("bo");
  private static final Principal ADMIN = Principal.of(ACME, "admin", Role.ADMIN);

  /** The host's engine: the default one, except that Bo never consents. */
  static final class HostEngine implements ConsentEngine {
    final DefaultConsentEngine inner;
    final AtomicInteger checks = new AtomicInteger();

    @Inject
    HostEngine(DefaultConsentEngine inner) {
      this.inner = inner;
    }

    @Override
    public ConsentRecord grant(Principal p, MemberId s, Purpose purpose, String notice, Optional<Instant> expires) {
      return inner.grant(p, s, purpose, notice, expires);
    }

    @Override
    public ConsentRecord revoke(Principal principal, MemberId subject, Purpose purpose) {
      return inner.revoke(principal, subject, purpose);
    }

    @Override
    public ConsentPolicy setPolicy(Principal principal, ConsentPolicy policy) {
      return inner.setPolicy(principal, policy);
    }

    @Override
    public boolean check(TenantId tenant, MemberId subject, Purpose purpose) {
      checks.incrementAndGet();
      return !subject.equals(BO) && inner.check(tenant, subject, purpose);
    }

    @Override
    public List<MemberId> list(TenantId tenant, Purpose purpose) {
      return inner.list(tenant, purpose).stream().filter(m -> !m.equals(BO)).toList();
    }

    @Override
    public <T> Disclosure<T> disclose(
        TenantId tenant, Purpose purpose, Collection<? extends T> candidates, Function<? super T, MemberId> subjectOf) {
      List<T> allowed = new ArrayList<>();
      candidates.stream().filter(c -> !subjectOf.apply(c).equals(BO)).forEach(allowed::add);
      return inner.disclose(tenant, purpose, allowed, subjectOf);
    }

    @Override
    public <R> R consistently(TenantId tenant, Supplier<? extends R> computation) {
      return inner.consistently(tenant, computation);
    }

    @Override
    public long version(TenantId tenant) {
      return inner.version(tenant);
    }

    @Override
    public Optional<ConsentRecord> current(TenantId tenant, MemberId subject, Purpose purpose) {
      return inner.current(tenant, subject, purpose);
    }

    @Override
    public List<ConsentRecord> history(TenantId tenant, MemberId subject) {
      return inner.history(tenant, subject);
    }

    @Override
    public Optional<ConsentRecord> record(TenantId tenant, ConsentRecordId id) {
      return inner.record(tenant, id);
    }

    @Override
    public ConsentPolicy policy(TenantId tenant) {
      return inner.policy(tenant);
    }
  }

  private final Injector injector = Guice.createInjector(
      new ConvenerModule(ConvenerSettings.defaults().withInMemoryKeys()),
      new JdbcStorageModule(JdbcSettings.inMemoryH2("replaced-engine-" + UUID.randomUUID())),
      new AbstractModule() {
        @Override
        protected void configure() {
          OptionalBinder.newOptionalBinder(binder(), ConsentEngine.class).setBinding().to(HostEngine.class);
          bind(HostEngine.class).asEagerSingleton();
        }
      });
  private final Convener convener = injector.getInstance(Convener.class);
  private final HostEngine host = injector.getInstance(HostEngine.class);

  ReplacedEngineTest() {
    convener.start();
    convener.consent().grant(ADMIN, ANA, Purpose.PROFILE_SHARE, "n-1");
    convener.consent().grant(ADMIN, BO, Purpose.PROFILE_SHARE, "n-1");
  }

  @AfterEach
  void close() {
    convener.close();
  }

  @Test
  void thePublicGateAsksTheHostsEngine() {
    assertThat(injector.getInstance(ConsentEngine.class)).isSameAs(host);
    assertThat(convener.consent().check(ADMIN, ANA, Purpose.PROFILE_SHARE)).isTrue();
    assertThat(convener.consent().check(ADMIN, BO, Purpose.PROFILE_SHARE)).isFalse();
    assertThat(convener.consent().granted(ADMIN, Optional.of(Purpose.PROFILE_SHARE)))
        .extracting(ConsentRecord::subject).containsExactly(ANA);
  }

  @Test
  void theChokePointsRecheckAsksTheHostsEngine() {
    // A careless service that asked the default engine directly: the re-check still consults the host's.
    Gate gate = injector.getInstance(Gate.class);
    int before = host.checks.get();
    assertThatThrownBy(() -> gate.invoke(ADMIN, Invocation.of("test.profile", tenant -> {
          List<Disclosed<MemberId>> named = host.inner.disclose(tenant, Purpose.PROFILE_SHARE, List.of(BO)).disclosed();
          return named.stream().findFirst().map(d -> new Profile(d, Optional.empty(), Optional.empty()));
        }).roles(Role.ADMIN).build()))
        .isInstanceOf(ConsentChangedException.class);
    assertThat(host.checks.get()).isGreaterThan(before);
  }

  @Test
  void noServiceTheInjectorBuildsDependsOnTheDefaultEngine() {
    List<String> offenders = new ArrayList<>();
    for (Binding<?> binding : injector.getAllBindings().values()) {
      if (!(binding instanceof ConstructorBinding<?> constructed)) {
        continue;
      }
      Class<?> built = constructed.getKey().getTypeLiteral().getRawType();
      if (built == HostEngine.class) {
        continue;
      }
      for (Dependency<?> d : constructed.getDependencies()) {
        Class<?> wanted = d.getKey().getTypeLiteral().getRawType();
        if (wanted == DefaultConsentEngine.class) {
          offenders.add(built.getName());
        }
      }
    }
    assertThat(offenders).as("classes injected with the default engine instead of the ConsentEngine interface")
        .isEmpty();
  }
}
