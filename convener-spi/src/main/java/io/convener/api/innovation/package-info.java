/**
 * Innovation spread: an {@code innovation} event flags a practice and {@code adoption} events
 * record the teams that took it up. The {@link io.convener.api.innovation.InnovationSpread} service
 * traces who adopted from whom as a lineage tree (PROV {@code wasDerivedFrom}), measures the
 * cascade (size, reach, depth, breadth, structural virality, Bass diffusion), records adoptions
 * across tenants only under a {@link io.convener.api.innovation.SharingAgreement} in both
 * directions, and shows the other tenant's people only as pseudonymous references.
 */
@NullMarked
package io.convener.api.innovation;

import org.jspecify.annotations.NullMarked;
