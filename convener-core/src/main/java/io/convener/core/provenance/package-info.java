/**
 * The provenance log: the {@code Ledger} that appends every entry (the one write path, behind
 * {@link io.convener.core.internal.gate.ProvenanceRecorder}), its verification, signed checkpoints and
 * proofs, PROV-JSON export, and the default {@link io.convener.api.provenance.ProvenanceLog}.
 */
@NullMarked
package io.convener.core.provenance;

import org.jspecify.annotations.NullMarked;
