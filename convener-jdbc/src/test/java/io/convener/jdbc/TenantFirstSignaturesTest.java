package io.convener.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.convener.api.TenantId;
import io.convener.spi.storage.EventBlockStore;
import io.convener.spi.storage.EventStore;
import io.convener.spi.storage.NotificationStore;
import io.convener.spi.storage.TenantStore;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tenancy by construction: every method of every storage interface takes the tenant first. The
 * stores are found by scanning the storage SPI package, so a new store is covered without being
 * listed here.
 */
class TenantFirstSignaturesTest {
  private static List<Class<?>> stores;

  @BeforeAll
  static void findStores() throws IOException, URISyntaxException, ClassNotFoundException {
    stores = storeInterfaces();
    assertThat(stores).as("storage interfaces found")
        .contains(TenantStore.class, EventStore.class, EventBlockStore.class, NotificationStore.class)
        .hasSizeGreaterThanOrEqualTo(12);
  }

  @Test
  void everyStorageMethodTakesATenantIdFirst() {
    List<String> offenders = new ArrayList<>();
    int checked = 0;
    for (Class<?> store : stores) {
      for (Method m : store.getMethods()) {
        if (Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
          continue;
        }
        checked++;
        if (m.getParameterCount() == 0 || m.getParameterTypes()[0] != TenantId.class) {
          offenders.add(store.getSimpleName() + "." + m.getName() + Arrays.toString(m.getParameterTypes()));
        }
      }
    }
    assertThat(checked).as("methods checked").isGreaterThanOrEqualTo(20);
    assertThat(offenders).as("storage methods whose first parameter is not a TenantId").isEmpty();
  }

  @Test
  void noStorageMethodTakesASecondTenant() {
    for (Class<?> store : stores) {
      for (Method m : store.getMethods()) {
        long tenants = Arrays.stream(m.getParameterTypes()).filter(t -> t == TenantId.class).count();
        assertThat(tenants).as(store.getSimpleName() + "." + m.getName()).isLessThanOrEqualTo(1);
      }
    }
  }

  /** Interfaces of the storage SPI package whose names end in {@code Store}. */
  private static List<Class<?>> storeInterfaces() throws IOException, URISyntaxException, ClassNotFoundException {
    Path root = Path.of(TenantStore.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(root)) {
      return collect(root);
    }
    try (FileSystem jar = FileSystems.newFileSystem(root, Map.of())) {
      return collect(jar.getPath("/"));
    }
  }

  private static List<Class<?>> collect(Path root) throws IOException, ClassNotFoundException {
    List<Class<?>> found = new ArrayList<>();
    String pkg = TenantStore.class.getPackageName();
    try (Stream<Path> files = Files.list(root.resolve(pkg.replace('.', '/')))) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Store.class")).sorted().toList()) {
        Class<?> type = Class.forName(pkg + "." + file.getFileName().toString().replace(".class", ""));
        if (type.isInterface()) {
          found.add(type);
        }
      }
    }
    return found;
  }
}
