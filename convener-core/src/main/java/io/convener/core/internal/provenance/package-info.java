/**
 * Shared provenance machinery: the canonical form and leaf hash of a provenance entry, and the
 * {@link io.convener.core.internal.provenance.CheckpointKeys} that give each tenant's checkpoint
 * signing key. Not API.
 */
@NullMarked
package io.convener.core.internal.provenance;

import org.jspecify.annotations.NullMarked;
