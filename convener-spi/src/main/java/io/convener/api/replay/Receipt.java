package io.convener.api.replay;

import io.convener.api.TenantId;
import java.util.List;

/**
 * What Convener noted about one successful call of a principal, so that its result may be handed
 * to the same principal again through {@link Replays#replay}: the tenant and subject it was made
 * for, and the provenance entries the call wrote; internally also the activity and roles of each
 * service call and the people its result named, with their purposes. Only {@link Replays#record}
 * makes receipts; {@link Replays#replay} refuses any other implementation. Immutable and
 * thread-safe.
 */
public interface Receipt {
  /** The tenant of the principal the call was made for. */
  TenantId tenant();

  /** The subject of the principal the call was made for; the only one it may be replayed to. */
  String subject();

  /** The sequences of the provenance entries the call wrote, in order; never empty. */
  List<Long> entries();
}
