/**
 * Tamper evidence for a tenant's provenance log: the hashes, proofs and signed checkpoints that a
 * host can hand to an auditor or export to a separate system. The log is an RFC 9162 Merkle tree
 * per tenant; a {@link io.convener.api.provenance.Checkpoint} commits to its size and root hash in
 * the C2SP signed-note format, an {@link io.convener.api.provenance.InclusionProof} shows that an
 * entry is in it, and a {@link io.convener.api.provenance.ConsistencyProof} that an earlier tree is
 * a prefix of a later one. These are plain values; the verifiers live in the runtime.
 */
@NullMarked
package io.convener.api.provenance;

import org.jspecify.annotations.NullMarked;
