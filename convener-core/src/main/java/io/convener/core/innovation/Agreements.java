package io.convener.core.innovation;

import static java.util.Objects.requireNonNull;

import io.convener.api.TenantId;
import io.convener.api.innovation.SharingTerms;
import io.convener.spi.storage.SharingAgreementStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether an adoption may cross from a source tenant to a destination tenant: the source must have
 * recorded {@code SHARE_WITH destination} and the destination {@code ACCEPT_FROM source}. Each side
 * is read under its own tenant id. Answers are cached for the life of one spread computation, so
 * every adoption is checked, yet each pair is read once. Not thread-safe.
 */
final class Agreements implements LineageBuilder.AgreementCheck {
  private final SharingAgreementStore store;
  private final Map<List<TenantId>, Optional<String>> answers = new HashMap<>();

  Agreements(SharingAgreementStore store) {
    this.store = requireNonNull(store, "store");
  }

  @Override
  public Optional<String> refusal(TenantId source, TenantId destination) {
    return answers.computeIfAbsent(List.of(source, destination), k -> decide(source, destination));
  }

  /** Whether both sides allow innovations to flow from {@code source} to {@code destination}. */
  boolean allows(TenantId source, TenantId destination) {
    return refusal(source, destination).isEmpty();
  }

  private Optional<String> decide(TenantId source, TenantId destination) {
    List<String> missing = new ArrayList<>();
    if (store.find(source, SharingTerms.shareWith(destination)).isEmpty()) {
      missing.add("tenant " + source.value() + " has not agreed to share innovations with tenant "
          + destination.value() + " (no SHARE_WITH " + destination.value() + " recorded by " + source.value() + ")");
    }
    if (store.find(destination, SharingTerms.acceptFrom(source)).isEmpty()) {
      missing.add("tenant " + destination.value() + " has not agreed to accept innovations from tenant "
          + source.value() + " (no ACCEPT_FROM " + source.value() + " recorded by " + destination.value() + ")");
    }
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("cross-tenant adoption rejected: " + String.join("; and ", missing));
  }
}
