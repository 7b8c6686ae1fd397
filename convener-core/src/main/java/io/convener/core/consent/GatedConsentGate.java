package io.convener.core.consent;

import static java.util.Objects.requireNonNull;

import io.convener.api.AccessDeniedException;
import io.convener.api.MemberId;
import io.convener.api.Principal;
import io.convener.api.Role;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentGate;
import io.convener.api.consent.ConsentPolicy;
import io.convener.api.consent.ConsentRecord;
import io.convener.api.consent.ConsentRecordId;
import io.convener.api.consent.Purpose;
import io.convener.core.internal.consent.ConsentEngine;
import io.convener.core.internal.gate.Gate;
import io.convener.core.internal.gate.Invocation;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@link ConsentGate} hosts get: every call — grant, revoke, policy, and every read — goes
 * through the {@link Gate}, so it is checked (tenant, role, rate limit) and leaves exactly one
 * provenance entry, denied calls included. A change commits in one store transaction with its
 * entry (an atomic invocation), so no consent record is ever stored that the log does not cover.
 * A change's generated entity is its receipt ({@code
 * consent:<record id>}), which a member can then prove with {@code ProvenanceLog.proveEntry}; a
 * read's is the receipt it returned, or the number of records it listed. Who may read whose consent
 * is decided inside the call, so a refusal is an entry too. The answers come from the injected
 * {@link ConsentEngine}, the same one the services use. Thread-safe.
 */
final class GatedConsentGate implements ConsentGate {
  static final String GRANT = "consent.grant";
  static final String REVOKE = "consent.revoke";
  static final String POLICY = "consent.policy";
  static final String READ = "consent.read";

  /** Roles that may read any member's consent in their tenant. */
  private static final List<Role> READERS = List.of(Role.ADMIN, Role.COMMUNITY_MANAGER, Role.COMPLIANCE_OFFICER);

  private final Gate gate;
  private final ConsentEngine consent;

  @Inject
  GatedConsentGate(Gate gate, ConsentEngine consent) {
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
        .atomic()
        .inputs(() -> inputs("grant", Map.of("subject", subject.value(), "purpose", purpose.name(),
            "noticeVersion", String.valueOf(noticeVersion), "expiresAt", expiresAt.map(Instant::toString).orElse(""))))
        .used(() -> List.of(member(subject)))
        .generated(r -> receipts(List.of(r)))
        .build());
  }

  @Override
  public ConsentRecord revoke(Principal principal, MemberId subject, Purpose purpose) {
    requireNonNull(subject, "subject");
    requireNonNull(purpose, "purpose");
    return gate.invoke(principal, Invocation.of(REVOKE, tenant -> consent.revoke(principal, subject, purpose))
        .roles(Role.MEMBER, Role.ADMIN)
        .atomic()
        .inputs(() -> inputs("revoke", Map.of("subject", subject.value(), "purpose", purpose.name())))
        .used(() -> List.of(member(subject)))
        .generated(r -> receipts(List.of(r)))
        .build());
  }

  @Override
  public ConsentPolicy setPolicy(Principal principal, ConsentPolicy policy) {
    requireNonNull(policy, "policy");
    return gate.invoke(principal, Invocation.of(POLICY, tenant -> consent.setPolicy(principal, policy))
        .roles(Role.ADMIN)
        .atomic()
        .inputs(() -> Map.of("enabled", policy.enabled().stream().map(Purpose::name).sorted().toList()))
        .build());
  }

  @Override
  public boolean check(Principal principal, MemberId subject, Purpose purpose) {
    requireNonNull(subject, "subject");
    requireNonNull(purpose, "purpose");
    return read(principal, "check", Map.of("subject", subject.value(), "purpose", purpose.name()),
        List.of(member(subject)), tenant -> {
          mayRead(principal, subject);
          return consent.check(tenant, subject, purpose);
        }, granted -> List.of("consent-check:" + (granted ? "granted" : "not-granted")));
  }

  @Override
  public Optional<ConsentRecord> current(Principal principal, MemberId subject, Purpose purpose) {
    requireNonNull(subject, "subject");
    requireNonNull(purpose, "purpose");
    return read(principal, "current", Map.of("subject", subject.value(), "purpose", purpose.name()),
        List.of(member(subject)), tenant -> {
          mayRead(principal, subject);
          return consent.current(tenant, subject, purpose);
        }, r -> receipts(r.stream().toList()));
  }

  @Override
  public List<ConsentRecord> history(Principal principal, MemberId subject) {
    requireNonNull(subject, "subject");
    return read(principal, "history", Map.of("subject", subject.value()), List.of(member(subject)), tenant -> {
      mayRead(principal, subject);
      return consent.history(tenant, subject);
    }, GatedConsentGate::count);
  }

  @Override
  public List<ConsentRecord> granted(Principal principal, Optional<Purpose> purpose) {
    requireNonNull(purpose, "purpose");
    return read(principal, "granted", Map.of("purpose", purpose.map(Purpose::name).orElse("")), List.of(),
        tenant -> {
          mayReadOthers(principal);
          List<Purpose> purposes = purpose.map(List::of)
              .orElseGet(() -> consent.policy(tenant).enabled().stream().sorted().toList());
          List<ConsentRecord> records = new ArrayList<>();
          for (Purpose p : purposes) {
            for (MemberId m : consent.list(tenant, p).stream().sorted().toList()) {
              consent.current(tenant, m, p).ifPresent(records::add);
            }
          }
          return List.copyOf(records);
        }, GatedConsentGate::count);
  }

  @Override
  public Optional<ConsentRecord> record(Principal principal, ConsentRecordId id) {
    requireNonNull(id, "id");
    return read(principal, "record", Map.of("record", id.value()), List.of("consent:" + id.value()), tenant -> {
      Optional<ConsentRecord> found = consent.record(tenant, id);
      if (found.isPresent()) {
        mayRead(principal, found.get().subject());
      } else {
        mayReadOthers(principal);
      }
      return found;
    }, r -> receipts(r.stream().toList()));
  }

  @Override
  public ConsentPolicy policy(Principal principal) {
    return read(principal, "policy", Map.of(), List.of(), consent::policy, p -> List.of());
  }

  /** One gated read: any role may ask; the body decides whose consent the principal may see. */
  private <T> T read(Principal principal, String what, Map<String, String> in, List<String> used,
      Function<TenantId, T> body, Function<T, List<String>> generated) {
    return gate.invoke(principal, Invocation.of(READ, body::apply)
        .roles(Role.values())
        .inputs(() -> inputs(what, in))
        .used(() -> used)
        .generated(generated::apply)
        .build());
  }

  /** A member may read their own consent; the readers' roles may read anyone's. */
  private static void mayRead(Principal principal, MemberId subject) {
    if (!principal.subject().equals(subject.value())) {
      mayReadOthers(principal);
    }
  }

  private static void mayReadOthers(Principal principal) {
    if (READERS.stream().noneMatch(principal::has)) {
      throw new AccessDeniedException("reading other members' consent needs one of the roles " + READERS);
    }
  }

  private static Map<String, Object> inputs(String operation, Map<String, String> more) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("operation", operation);
    inputs.putAll(more);
    return inputs;
  }

  private static String member(MemberId subject) {
    return "member:" + subject.value();
  }

  private static List<String> receipts(List<ConsentRecord> records) {
    return records.stream().map(r -> "consent:" + r.id().value()).toList();
  }

  private static List<String> count(List<ConsentRecord> records) {
    return List.of("consent-records:" + records.size());
  }
}
