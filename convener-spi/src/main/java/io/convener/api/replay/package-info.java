/**
 * Idempotent replays: a host that keeps a call's result to hand it out again (the HTTP API's
 * {@code Idempotency-Key}) runs the call through {@link io.convener.api.replay.Replays#record} to
 * get a {@link io.convener.api.replay.Receipt}, and passes every later hand-out through {@link
 * io.convener.api.replay.Replays#replay}: the choke point's tenant and role checks, the consent
 * re-check of the people the result names, and a provenance entry of its own that says {@code
 * replayOf}. A kept result never leaves without them.
 */
@NullMarked
package io.convener.api.replay;

import org.jspecify.annotations.NullMarked;
