/**
 * The signal SPI: plugin authors add per-member numeric features (code reviews from a CSV export,
 * tickets closed, talks given) to the champion score. A signal has a name (its component name), a
 * default weight, and for each member a value with the evidence behind it. Register signals with
 * Guice ({@code Multibinder.newSetBinder(binder(), Signal.class).addBinding().to(MySignal.class)});
 * discovery through {@link java.util.ServiceLoader} is opt-in (see {@code
 * io.convener.core.champion.ServiceLoaderSignals}).
 */
@NullMarked
package io.convener.spi.signal;

import org.jspecify.annotations.NullMarked;
