/**
 * A small host application that embeds Convener with Guice, the way a collaboration platform
 * would: its own module beside Convener's, one injector, an explicit start.
 */
@NullMarked
package io.convener.examples.host;

import org.jspecify.annotations.NullMarked;
