package io.convener.api.provenance;

import io.convener.api.Principal;
import io.convener.api.notify.Subscription;
import java.util.function.Consumer;

/**
 * A tenant's tamper-evident provenance log, as auditors read it. Every method takes the calling
 * {@link Principal} first, works on the principal's tenant only, needs the role {@code
 * COMPLIANCE_OFFICER} or {@code ADMIN}, and, like every public call, writes one entry itself (a
 * reading of the log is logged too). Appending is not part of this interface: the choke point that
 * every public call passes writes the entries.
 *
 * <p>Denials throw {@link io.convener.api.AccessDeniedException} or {@link
 * io.convener.api.RateLimitedException}; a store failure throws {@link
 * io.convener.api.StorageException}. A log that fails verification is a result, not an exception.
 * Implementations are thread-safe and never return null.
 */
public interface ProvenanceLog {
  /** One page of the matching entries in log (chronological) order. */
  ProvenancePage query(Principal principal, ProvenanceQuery query);

  /**
   * Verifies the whole log: recomputes every entry's canonical form and leaf hash and compares it
   * with the stored one, checks that sequences run without gaps, that the root after every entry
   * and at the head is the one stored, and that every checkpoint signed earlier is a prefix of the
   * log today. Names the first bad entry.
   */
  VerificationResult verify(Principal principal);

  /**
   * {@link #verify(Principal)}, and also checks that {@code saved} (for example one a host exported
   * earlier) carries a valid signature of the tenant's key and commits to a prefix of the log today:
   * catches a log rewritten or cut short since, even when the store was rewritten consistently.
   *
   * @throws io.convener.api.AccessDeniedException also when {@code saved} is another tenant's
   */
  VerificationResult verify(Principal principal, Checkpoint saved);

  /** A signed checkpoint of the log as it is now (tree size and root), also kept in the store. */
  Checkpoint checkpoint(Principal principal);

  /**
   * The tenant's checkpoint feed: up to {@code limit} signed checkpoints after {@code after}, in the
   * order they were signed (several nodes and scheduled runs sign them; each is kept when signed),
   * with the verifier key that checks them. An outside witness keeps the last one it checked, and
   * checks each new one against it with {@link #consistencyProof}.
   *
   * @param after the last position the reader has seen; {@link CheckpointCursor#start()} for all
   * @param limit 1 to 1000
   * @throws IllegalArgumentException when {@code limit} is out of range
   */
  CheckpointPage checkpoints(Principal principal, CheckpointCursor after, int limit);

  /**
   * Follows the tenant's checkpoint feed live: hands {@code listener} every checkpoint kept after
   * {@code after}, in feed order, then each new one soon after any node keeps it, with no gap and
   * no duplicate, until the subscription is closed. Subscribing is one logged call (the role of
   * {@link #checkpoints}); what follows is bound to the principal's tenant, so no other tenant's
   * checkpoint ever reaches the listener. The listener runs on Convener's follower thread and must
   * not block long; an exception it throws closes the subscription.
   *
   * @param after the last position the reader has seen; {@link CheckpointCursor#start()} for all
   */
  Subscription followCheckpoints(Principal principal, CheckpointCursor after, Consumer<Checkpoint> listener);

  /**
   * The signed-note verifier key of the tenant's checkpoint signing key: the one line an auditor
   * needs to check checkpoints, {@code <name>+<key id>+<base64 key>}.
   */
  String verifierKey(Principal principal);

  /**
   * The inclusion proof of the entry with this sequence in the log as it is now, with a signed
   * checkpoint to check it against.
   *
   * @throws IllegalArgumentException when the log has no such entry
   */
  EntryProof proveEntry(Principal principal, long sequence);

  /**
   * The consistency proof that the log of {@code size1} entries is a prefix of the log of {@code
   * size2} entries.
   *
   * @throws IllegalArgumentException unless {@code 0 < size1 <= size2 <= } the log's size
   */
  ConsistencyProof consistencyProof(Principal principal, long size1, long size2);

  /**
   * The matching entries (one page) as a W3C PROV-JSON document: each entry an activity, its agent
   * an agent, used and generated ids entities, with {@code used}, {@code wasGeneratedBy}, {@code
   * wasAssociatedWith}, {@code wasDerivedFrom} and {@code wasInformedBy} relations.
   */
  String exportProvJson(Principal principal, ProvenanceQuery query);
}
