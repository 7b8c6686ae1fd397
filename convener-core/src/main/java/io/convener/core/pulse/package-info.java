/**
 * The default pulse: per-member, per-day rollups kept current by the ingest feed and rebuilt from
 * the store when missing, metric formulas, k-anonymity with complementary suppression, risk rules
 * and the last-known cache served when the store fails. Not API.
 */
@NullMarked
package io.convener.core.pulse;

import org.jspecify.annotations.NullMarked;
