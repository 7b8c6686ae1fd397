package io.convener.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.Convener;
import io.convener.api.Principal;
import io.convener.api.TenantId;
import io.convener.api.consent.ConsentGate;
import io.convener.api.ingest.IngestService;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every method of every service interface in {@code io.convener.api.<area>} takes the tenant
 * (a {@link TenantId}, or a {@link Principal} that carries one) as its first parameter, so no
 * service call can be written without saying whose data it touches.
 */
class ServiceSignaturesTest {
  @Test
  void everyServiceMethodTakesTheTenantFirst() throws Exception {
    List<Class<?>> services = serviceInterfaces();
    assertThat(services).as("service interfaces found").contains(IngestService.class, ConsentGate.class);

    List<String> offenders = new ArrayList<>();
    for (Class<?> service : services) {
      for (Method m : service.getMethods()) {
        if (m.isDefault() || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
          continue;
        }
        Class<?>[] params = m.getParameterTypes();
        if (params.length == 0 || (params[0] != TenantId.class && params[0] != Principal.class)) {
          offenders.add(service.getName() + "#" + m.getName());
        }
      }
    }
    assertThat(offenders).as("service methods without a leading TenantId or Principal").isEmpty();
  }

  @Test
  void theConsentGateTakesThePrincipalWhoActsFirst() {
    // The host's one door to consent passes the gate: no method of it may take a bare TenantId.
    List<String> offenders = new ArrayList<>();
    for (Method m : ConsentGate.class.getMethods()) {
      if (m.getParameterCount() == 0 || m.getParameterTypes()[0] != Principal.class) {
        offenders.add(m.getName());
      }
    }
    assertThat(ConsentGate.class.getMethods()).hasSizeGreaterThanOrEqualTo(9);
    assertThat(offenders).as("ConsentGate methods that do not take a Principal first").isEmpty();
  }

  /** Non-sealed interfaces in io.convener.api.<area> packages that take arguments: the services. */
  private static List<Class<?>> serviceInterfaces() throws IOException, URISyntaxException, ClassNotFoundException {
    Path root = Path.of(IngestService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> found = new ArrayList<>();
    if (Files.isDirectory(root)) {
      collect(root, found);
    } else {
      try (FileSystem jar = FileSystems.newFileSystem(root, Map.of())) {
        collect(jar.getPath("/"), found);
      }
    }
    return found;
  }

  private static void collect(Path root, List<Class<?>> found) throws IOException, ClassNotFoundException {
    Path api = root.resolve("io/convener/api");
    try (Stream<Path> files = Files.walk(api)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = root.relativize(file).toString().replace('/', '.').replace(".class", "");
        if (name.contains("$") || name.endsWith("package-info")) {
          continue;
        }
        Class<?> type = Class.forName(name);
        String pkg = type.getPackageName();
        // The facade, the model and authentication (which turns a token into a Principal) are not services;
        // nor are backups: the operator's door to the whole store, whose requests name their tenants.
        boolean inArea = !pkg.equals("io.convener.api") && !pkg.endsWith(".model") && !pkg.endsWith(".auth")
            && !pkg.endsWith(".backup");
        // Interfaces whose methods all take nothing are views that result types implement, not services.
        boolean view = java.util.Arrays.stream(type.getMethods())
            .filter(m -> !m.isDefault() && !Modifier.isStatic(m.getModifiers()))
            .allMatch(m -> m.getParameterCount() == 0);
        if (type.isInterface() && !type.isAnnotation() && !type.isSealed() && inArea && !view && type != Convener.class) {
          found.add(type);
        }
      }
    }
  }
}
