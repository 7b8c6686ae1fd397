package io.convener.junit;

import static java.util.Objects.requireNonNull;

import com.google.inject.Module;
import io.convener.api.Convener;
import io.convener.core.ConvenerSettings;
import io.convener.core.Conveners;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A started Convener for host tests: a private in-memory H2 store and in-memory keys, so a test
 * writes nothing to disk, and every Convener it gets is empty.
 *
 * <p>Per test (the default), by annotation, with the Convener as a test method parameter:
 *
 * <pre>{@code
 * @ExtendWith(ConvenerExtension.class)
 * class MyTest {
 *   @Test
 *   void ingests(Convener convener) { ... }
 * }
 * }</pre>
 *
 * <p>Per class, or with settings or Guice modules of the host (a plugin signal, a sentiment
 * analyser), as a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ConvenerExtension CONVENER = ConvenerExtension.perClass().module(new MySignalModule());
 *
 * @Test
 * void ranks() { CONVENER.convener().champions()... }
 * }</pre>
 *
 * A per-test extension opens a new Convener before each test and closes it after; a per-class one
 * opens it before the class's first test and closes it after its last, so the tests of the class
 * share its data. Test code runs as the host would: every call needs a {@link
 * io.convener.api.Principal} and passes the gate.
 */
public final class ConvenerExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private final boolean perClass;
  private final ConvenerSettings settings;
  private final List<Module> modules;
  private @Nullable Convener current;

  /** A per-test extension with default settings: what {@code @ExtendWith(ConvenerExtension.class)} makes. */
  public ConvenerExtension() {
    this(false, ConvenerSettings.defaults(), List.of());
  }

  private ConvenerExtension(boolean perClass, ConvenerSettings settings, List<Module> modules) {
    this.perClass = perClass;
    this.settings = settings;
    this.modules = List.copyOf(modules);
  }

  /** A new, empty Convener for each test. */
  public static ConvenerExtension perTest() {
    return new ConvenerExtension(false, ConvenerSettings.defaults(), List.of());
  }

  /** One Convener for all tests of the class (register it on a static field). */
  public static ConvenerExtension perClass() {
    return new ConvenerExtension(true, ConvenerSettings.defaults(), List.of());
  }

  /** The same extension with these service settings (rate limits, consent policy, ...). */
  public ConvenerExtension settings(ConvenerSettings newSettings) {
    return new ConvenerExtension(perClass, requireNonNull(newSettings, "settings"), modules);
  }

  /** The same extension with a Guice module of the host added (plugin signals, analysers, overrides). */
  public ConvenerExtension module(Module module) {
    List<Module> more = new ArrayList<>(modules);
    more.add(requireNonNull(module, "module"));
    return new ConvenerExtension(perClass, settings, more);
  }

  /**
   * The Convener of the running test (or class).
   *
   * @throws IllegalStateException outside a test of a class that uses this extension
   */
  public Convener convener() {
    Convener c = current;
    if (c == null) {
      throw new IllegalStateException("no Convener is open: call convener() from a test of a class that registers"
          + " this extension (a per-class extension must be on a static field)");
    }
    return c;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (perClass) {
      current = open();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (perClass) {
      close();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!perClass || current == null) {
      current = open();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass) {
      close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Convener.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Convener c = current;
    if (c == null) {
      throw new ParameterResolutionException("no Convener is open for " + parameter.getDeclaringExecutable());
    }
    return c;
  }

  private Convener open() {
    Conveners.Builder builder = Conveners.builder().database("jdbc:h2:mem:convener-test-" + UUID.randomUUID())
        .inMemoryKeys().settings(settings);
    modules.forEach(builder::module);
    return builder.build();
  }

  private void close() {
    Convener c = current;
    current = null;
    if (c != null) {
      c.close();
    }
  }
}
