/**
 * The default {@link io.convener.api.innovation.InnovationSpread}: builds an innovation's lineage
 * tree from {@code innovation} and {@code adoption} events (explicit sources first, then the
 * earliest exposure inside a window), checks sharing agreements in both directions for every
 * adoption across tenants, and measures the cascade in linear time ({@link
 * io.convener.core.innovation.CascadeTree}). Package-private apart from the Guice module.
 */
@NullMarked
package io.convener.core.innovation;

import org.jspecify.annotations.NullMarked;
