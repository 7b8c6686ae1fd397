package io.convener.core.consent;

import io.convener.api.MemberId;
import io.convener.api.consent.ConsentRecord;
import java.util.Map;

/**
 * One tenant's consent for one purpose as the cache holds it: the grants current and unexpired
 * when it was read (none when the tenant's policy does not enable the purpose), and the tenant's
 * consent version they were read at. Immutable.
 *
 * @param version the tenant's consent version at the read, or {@link #UNSTABLE} when writers kept
 *     changing it during the read
 * @param grants each granting subject's current record, in subject order
 */
record PurposeSnapshot(long version, Map<MemberId, ConsentRecord> grants) {
  /** The version of a snapshot that is a mix of adjacent states; never equal to a store's version. */
  static final long UNSTABLE = -1;
}
