/**
 * The default Convener runtime: {@link io.convener.core.ConvenerModule} for hosts that use Guice,
 * {@link io.convener.core.Conveners#builder()} for hosts that do not, and {@link
 * io.convener.core.ConvenerSettings}. The services themselves live, package-private, in the area
 * packages beneath.
 */
@NullMarked
package io.convener.core;

import org.jspecify.annotations.NullMarked;
