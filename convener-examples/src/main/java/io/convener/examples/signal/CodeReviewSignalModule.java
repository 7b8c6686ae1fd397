package io.convener.examples.signal;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import io.convener.spi.signal.Signal;
import java.nio.file.Path;

/**
 * Registers {@link CodeReviewSignal} the main way, with a Guice {@link Multibinder}:
 * {@code Conveners.builder().module(new CodeReviewSignalModule(Path.of("reviews.csv"))).build()}.
 */
public final class CodeReviewSignalModule extends AbstractModule {
  private final Path csv;

  /** A module for the signal over this export. */
  public CodeReviewSignalModule(Path csv) {
    this.csv = requireNonNull(csv, "csv");
  }

  @Override
  protected void configure() {
    Multibinder.newSetBinder(binder(), Signal.class).addBinding().toInstance(new CodeReviewSignal(csv));
  }
}
