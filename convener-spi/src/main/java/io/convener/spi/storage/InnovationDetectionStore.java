package io.convener.spi.storage;

import io.convener.api.EventId;
import io.convener.api.TenantId;
import io.convener.api.innovation.ConfirmedInnovation;
import io.convener.api.innovation.DetectionSettings;
import java.util.List;
import java.util.Optional;

/**
 * Each tenant's innovation detection thresholds and the detected practices its managers
 * confirmed. Implementations are thread-safe, and throw {@link io.convener.api.StorageException}
 * when the store fails.
 */
public interface InnovationDetectionStore {
  /** The tenant's saved thresholds, or empty when it never saved any. */
  Optional<DetectionSettings> settings(TenantId tenant);

  /** Saves the tenant's thresholds, replacing any saved before, in one transaction. */
  void saveSettings(TenantId tenant, DetectionSettings settings);

  /**
   * Records a confirmation unless the tenant already confirmed the same tag.
   *
   * @return the confirmation now stored: {@code confirmed}, or the earlier one of the same tag
   */
  ConfirmedInnovation confirm(TenantId tenant, ConfirmedInnovation confirmed);

  /** The tenant's confirmation with this innovation id, if any. */
  Optional<ConfirmedInnovation> confirmed(TenantId tenant, EventId innovation);

  /** The tenant's confirmations, ordered by tag. */
  List<ConfirmedInnovation> confirmed(TenantId tenant);
}
