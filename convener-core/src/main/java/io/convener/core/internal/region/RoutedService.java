package io.convener.core.internal.region;

import io.convener.api.Convener;
import io.convener.api.Principal;
import io.convener.api.TenantId;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A service interface whose every call goes to the service of the tenant's region: the tenant is
 * the first argument, a {@link Principal} or a {@link TenantId}, as every public service method
 * takes (the service signature test of {@code convener-core} holds each interface to it). A call
 * without one cannot be routed and is refused. A {@link java.lang.reflect.Proxy} rather than a
 * hand-written class per interface, so that a method added to a service is routed without a change
 * here. Thread-safe.
 */
final class RoutedService implements InvocationHandler {
  private final Class<?> type;
  private final RegionRouter router;
  private final Function<Convener, ?> service;

  private RoutedService(Class<?> type, RegionRouter router, Function<Convener, ?> service) {
    this.type = type;
    this.router = router;
    this.service = service;
  }

  /** The routed {@code type}, whose calls go to {@code service} of the tenant's region. */
  static <S> S of(Class<S> type, RegionRouter router, Function<Convener, S> service) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        new RoutedService(type, router, service)));
  }

  @Override
  public @Nullable Object invoke(Object proxy, Method method, @Nullable Object @Nullable [] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> args != null && proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> "regional " + type.getSimpleName();
      };
    }
    TenantId tenant = tenant(method, args);
    Object target = service.apply(router.route(tenant).convener());
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** The tenant of the call: its first argument's. */
  static TenantId tenant(Method method, @Nullable Object @Nullable [] args) {
    Object first = args == null || args.length == 0 ? null : args[0];
    if (first instanceof Principal p) {
      return p.tenant();
    }
    if (first instanceof TenantId t) {
      return t;
    }
    if (first == null && args != null && args.length > 0) {
      throw new NullPointerException(method.getParameters()[0].getName());
    }
    throw new IllegalStateException(method.getDeclaringClass().getSimpleName() + "." + method.getName()
        + " takes no tenant first, so it cannot be routed to a region");
  }
}
