package io.convener.core.consent;

import static java.util.Objects.requireNonNull;

import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentGate;
import io.convener.api.consent.ConsentPolicy;
import io.convener.api.consent.ConsentRecord;
import io.convener.api.consent.ConsentRecordId;
import io.convener.api.consent.Disclosure;
import io.convener.api.consent.Purpose;
import io.convener.core.internal.gate.Gate;
import io.convener.core.internal.gate.Invocation;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@link ConsentGate} hosts get: every change a principal makes — grant, revoke, policy — goes
 * through the {@link Gate}, so it is checked (tenant, role, rate limit) and leaves exactly one
 * provenance entry, whose generated entity is the receipt ({@code consent:<record id>}); a
 * member's receipt can then be proved with {@code ProvenanceLog.proveEntry}. The tenant-scoped
 * reads that services make inside their own gated calls pass straight to the consent engine.
 * Thread-safe.
 */
final class GatedConsentGate implements ConsentGate {
  static final String GRANT = "consent.grant";
  static final String REVOKE = "consent.revoke";
  static final String POLICY = "consent.policy";

  private final Gate gate;
  private final DefaultConsentGate consent;

  @Inject
  GatedConsentGate(Gate gate, DefaultConsentGate consent) {
    this.gate = requireNonNull(gate, "gate");
    this.consent = requireNonNull(consent, "consent");
  }

  @Override
  public ConsentRecord grant(
      Principal principal, MemberId subject, Purpose purpose, String noticeVersion, Optional<Instant> expiresAt) {
    requireNonNull(subject, "subject");
    requireNonNull(purpose, "purpose");
    return gate.invoke(principal, Invocation.of(GRANT,
            tenant -> consent.grant(principal, subject, purpose, noticeVersion, expiresAt))
        .roles(Role.MEMBER, Role.ADMIN)
        .inputs(() -> inputs(subject, purpose, Map.of("noticeVersion", String.valueOf(noticeVersion),
            "expiresAt", expiresAt.map(Instant::toString).orElse(""))))
        .used(() -> List.of(member(subject)))
        .generated(GatedConsentGate::receipt)
        .build());
  }

  @Override
  public ConsentRecord revoke(Principal principal, MemberId subject, Purpose purpose) {
    requireNonNull(subject, "subject");
    requireNonNull(purpose, "purpose");
    return gate.invoke(principal, Invocation.of(REVOKE, tenant -> consent.revoke(principal, subject, purpose))
        .roles(Role.MEMBER, Role.ADMIN)
        .inputs(() -> inputs(subject, purpose, Map.of()))
        .used(() -> List.of(member(subject)))
        .generated(GatedConsentGate::receipt)
        .build());
  }

  @Override
  public ConsentPolicy setPolicy(Principal principal, ConsentPolicy policy) {
    requireNonNull(policy, "policy");
    return gate.invoke(principal, Invocation.of(POLICY, tenant -> consent.setPolicy(principal, policy))
        .roles(Role.ADMIN)
        .inputs(() -> Map.of("enabled", policy.enabled().stream().map(Purpose::name).sorted().toList()))
        .build());
  }

  @Override
  public boolean check(TenantId tenant, MemberId subject, Purpose purpose) {
    return consent.check(tenant, subject, purpose);
  }

  @Override
  public List<MemberId> list(TenantId tenant, Purpose purpose) {
    return consent.list(tenant, purpose);
  }

  @Override
  public <T> Disclosure<T> disclose(
      TenantId tenant, Purpose purpose, Collection<? extends T> candidates, Function<? super T, MemberId> subjectOf) {
    return consent.disclose(tenant, purpose, candidates, subjectOf);
  }

  @Override
  public int countDisclosable(TenantId tenant, Purpose purpose, Collection<MemberId> candidates) {
    return consent.countDisclosable(tenant, purpose, candidates);
  }

  @Override
  public <R> R consistently(TenantId tenant, Supplier<? extends R> computation) {
    return consent.consistently(tenant, computation);
  }

  @Override
  public long version(TenantId tenant) {
    return consent.version(tenant);
  }

  @Override
  public Optional<ConsentRecord> current(TenantId tenant, MemberId subject, Purpose purpose) {
    return consent.current(tenant, subject, purpose);
  }

  @Override
  public List<ConsentRecord> history(TenantId tenant, MemberId subject) {
    return consent.history(tenant, subject);
  }

  @Override
  public Optional<ConsentRecord> record(TenantId tenant, ConsentRecordId id) {
    return consent.record(tenant, id);
  }

  @Override
  public ConsentPolicy policy(TenantId tenant) {
    return consent.policy(tenant);
  }

  private static Map<String, Object> inputs(MemberId subject, Purpose purpose, Map<String, String> more) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("subject", subject.value());
    inputs.put("purpose", purpose.name());
    inputs.putAll(more);
    return inputs;
  }

  private static String member(MemberId subject) {
    return "member:" + subject.value();
  }

  private static List<String> receipt(ConsentRecord record) {
    return List.of("consent:" + record.id().value());
  }
}
