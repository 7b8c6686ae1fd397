/**
 * What hosts implement to carry notifications to people: in-process listeners, push streams,
 * webhooks, email or SMS gateways.
 */
@NullMarked
package io.convener.spi.notify;

import org.jspecify.annotations.NullMarked;
