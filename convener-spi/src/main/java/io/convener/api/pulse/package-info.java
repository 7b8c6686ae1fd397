/**
 * The community pulse: engagement, responsiveness, inclusion, sentiment and psychological safety
 * of a team, a cohort, an org unit (with its sub-units) or the whole tenant, over a window and
 * beside its baseline, with risk flags. Private by default: aggregates over fewer than k members
 * are suppressed (complementary suppression included), and individual risks name a member only
 * with their consent for {@code pulse.individual}. See {@code docs/pulse.md} for every formula.
 */
@NullMarked
package io.convener.api.pulse;

import org.jspecify.annotations.NullMarked;
