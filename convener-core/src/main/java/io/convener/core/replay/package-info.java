/**
 * Replays of kept results through the choke point: {@link io.convener.api.replay.Replays} on the
 * gate's {@link io.convener.core.internal.gate.CallNotes}.
 */
@NullMarked
package io.convener.core.replay;

import org.jspecify.annotations.NullMarked;
