/**
 * Champion discovery: who the champions and connectors of a tenant are, the raw graph metrics
 * behind them, and whom a team should bring into its work. Every result is ranked, explained
 * (components, weights, evidence), audited (a provenance id) and consent-gated: a person is named
 * only under {@code champion.recommendation}, everybody else is counted.
 */
@NullMarked
package io.convener.api.champion;

import org.jspecify.annotations.NullMarked;
