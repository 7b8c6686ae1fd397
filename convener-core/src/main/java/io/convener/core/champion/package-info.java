/**
 * The default {@link io.convener.api.champion.ChampionDiscovery}: per-tenant snapshots of members
 * and events kept current by the ingest feed, the interaction graph of a window built from them on
 * the graph kernel, champion scoring with anti-gaming, roles and personas, evidence, and
 * collaborator recommendations; all behind the choke point and the consent gate.
 */
@NullMarked
package io.convener.core.champion;

import org.jspecify.annotations.NullMarked;
