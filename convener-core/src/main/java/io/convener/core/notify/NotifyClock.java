package io.convener.core.notify;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The {@link java.time.Clock} the relay schedules deliveries, retries, quiet hours, digests and
 * throttles by; the system UTC clock unless a host or a test sets {@code
 * OptionalBinder.newOptionalBinder(binder(), Key.get(Clock.class, NotifyClock.class)).setBinding()}.
 */
@Qualifier
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, METHOD})
public @interface NotifyClock {}
