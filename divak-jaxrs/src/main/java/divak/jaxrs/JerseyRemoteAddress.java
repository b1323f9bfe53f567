package divak.jaxrs;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.function.Function;
import org.glassfish.jersey.internal.inject.InjectionManager;
import org.glassfish.jersey.internal.util.collection.Ref;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jersey: the client address for the access log, from the request of the container that serves
 * (Grizzly's, the servlet container's), which Jakarta REST does not give filters. Jersey offers that
 * request only through its injection manager; this looks up, once per request, the request-scoped
 * reference the container fills, not the request itself: injecting the request resolves a new
 * factory per request, about five times the cost (RATIONALE, "The cost of a request").
 *
 * <p>Jersey says at startup which container serves ({@link ContainerLifecycleListener}). Under
 * another one, or none (an {@code ApplicationHandler} called in process), this looks nothing up;
 * under its own, a request that comes without the reference (a Jersey that binds it differently)
 * is said once, as a warning, rather than every access line losing its address silently.
 *
 * @param <T> the container's request type
 */
@PreMatching
final class JerseyRemoteAddress<T> implements ContainerRequestFilter, ContainerLifecycleListener {
  private static final Logger LOG = LoggerFactory.getLogger(DivakFeature.class);

  private final ServerTracing tracing;
  private final Type refType;
  private final String containerClass;
  private final Function<T, String> address;
  private final String what;
  @Inject InjectionManager injection; // package-private for the test
  private volatile boolean served; // once Jersey starts the application in this container
  private volatile boolean warned;

  /**
   * @param refType {@code Ref<T>}, as the container binds it
   * @param containerClass the Jersey container (or its superclass) whose requests these are
   * @param what the request, as a warning names it
   */
  JerseyRemoteAddress(ServerTracing tracing, Type refType, String containerClass,
      Function<T, String> address, String what) {
    this.tracing = tracing;
    this.refType = refType;
    this.containerClass = containerClass;
    this.address = address;
    this.what = what;
  }

  /** Registers the filter, and as a listener that hears which container serves. */
  static void register(FeatureContext context, JerseyRemoteAddress<?> filter) {
    context.register(filter, Map.of(ContainerRequestFilter.class, DivakFeature.PRIORITY + 1,
        ContainerLifecycleListener.class, DivakFeature.PRIORITY + 1));
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (!served) return;
    ServerExchange exchange = ServerTracing.exchange(request);
    if (exchange == null || exchange.uri == null || exchange.remote != null) return;
    T containerRequest = lookUp();
    if (containerRequest != null) {
      exchange.remote = address.apply(containerRequest);
    } else if (!warned) {
      warned = true;
      LOG.warn("divak: Jersey does not offer {} as divak expects (a request-scoped Ref), so access"
          + " lines show '-' for the client address. Tracing is not affected.", what);
    }
  }

  private T lookUp() {
    if (injection == null) return null;
    try {
      Ref<T> ref = injection.getInstance(refType);
      return ref != null ? ref.get() : null;
    } catch (RuntimeException notBound) {
      return null;
    }
  }

  @Override
  public void onStartup(Container container) {
    served = isOrExtends(container.getClass(), containerClass);
  }

  @Override
  public void onReload(Container container) {
    onStartup(container);
  }

  @Override
  public void onShutdown(Container container) {
  }

  private static boolean isOrExtends(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.getName().equals(name)) return true;
    }
    return false;
  }

  @Override
  public String toString() {
    return "JerseyRemoteAddress{" + what + ", " + tracing.divak + "}";
  }
}
