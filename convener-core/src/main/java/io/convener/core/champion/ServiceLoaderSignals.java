package io.convener.core.champion;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import io.convener.spi.signal.Signal;
import java.util.ServiceLoader;

/**
 * Opt-in discovery of plugin {@link Signal}s through {@link ServiceLoader}: install this module
 * (for example {@code Conveners.builder().module(new ServiceLoaderSignals())}) and every signal
 * listed in a {@code META-INF/services/io.convener.spi.signal.Signal} file on the class path joins
 * the signals bound with Guice. The one place Convener uses {@code ServiceLoader}; explicit
 * registration with a {@code Multibinder} stays the main path.
 */
public final class ServiceLoaderSignals extends AbstractModule {
  private final ClassLoader loader;

  /** Discovers signals with the thread's context class loader. */
  public ServiceLoaderSignals() {
    this(Thread.currentThread().getContextClassLoader());
  }

  /** Discovers signals with this class loader. */
  public ServiceLoaderSignals(ClassLoader loader) {
    this.loader = loader;
  }

  @Override
  protected void configure() {
    Multibinder<Signal> signals = Multibinder.newSetBinder(binder(), Signal.class);
    for (Signal s : ServiceLoader.load(Signal.class, loader)) {
      signals.addBinding().toInstance(s);
    }
  }
}
