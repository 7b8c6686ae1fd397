/**
 * Signing and verifying {@link io.convener.api.provenance.Checkpoint}s with Ed25519 from the JDK,
 * and checking that a saved checkpoint is still a prefix of the log. Internal machinery of the
 * runtime: not API, may change without notice.
 */
@NullMarked
package io.convener.core.internal.checkpoint;

import org.jspecify.annotations.NullMarked;
