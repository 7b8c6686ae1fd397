package io.convener.core.internal.schedule;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The {@link java.time.Clock} that decides when scheduled runs are due and leases end; the system
 * UTC clock unless a test sets {@code OptionalBinder.newOptionalBinder(binder(), Key.get(Clock.class,
 * ScheduleClock.class)).setBinding()}.
 */
@Qualifier
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, METHOD})
public @interface ScheduleClock {}
