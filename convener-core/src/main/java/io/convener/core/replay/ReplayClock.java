package io.convener.core.replay;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The {@link java.time.Clock} idempotency keys are claimed, expired and taken over by; the system
 * UTC clock unless a host or a test sets {@code OptionalBinder.newOptionalBinder(binder(),
 * Key.get(Clock.class, ReplayClock.class)).setBinding()}. Nodes sharing a store should keep their
 * clocks in step (NTP): a skew shifts expiry and take-over by as much.
 */
@Qualifier
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, METHOD})
public @interface ReplayClock {}
