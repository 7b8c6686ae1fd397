/**
 * The synthetic organisation: a seeded, deterministic generator of realistic members, teams,
 * cohorts, org units and events of every kind in the interchange format, for the demo, the tests
 * and the benchmarks, and writers that put it out as JSON Lines or CSV. Start with {@link
 * io.convener.testing.synthetic.SyntheticOrganisation#builder()}.
 */
@NullMarked
package io.convener.testing.synthetic;

import org.jspecify.annotations.NullMarked;
