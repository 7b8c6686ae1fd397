/**
 * An example plugin signal: code reviews from a CSV export of a code-review tool, added to the
 * champion score through the {@link io.convener.spi.signal.Signal} SPI.
 */
@NullMarked
package io.convener.examples.signal;

import org.jspecify.annotations.NullMarked;
