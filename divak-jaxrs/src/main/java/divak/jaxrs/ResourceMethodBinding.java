package divak.jaxrs;

import divak.Divak;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.reflect.Method;

/**
 * For containers that run a request's pre-matching filters and its resource method on different
 * threads, and that give filter instances no {@code ResourceInfo}: Quarkus REST starts a request
 * on a Vert.x event loop and runs a blocking resource method on a worker or a virtual thread.
 * A container integration calls {@link #bind} from a request filter that runs on the resource
 * method's thread; {@link DivakFeature} still starts, names and ends the span.
 *
 * <pre>{@code
 * ResourceMethodBinding binding = ResourceMethodBinding.create(divak);
 * // in a ContainerRequestFilter that the container runs on the resource method's thread:
 * binding.bind(request, resourceInfo.getResourceClass(), resourceInfo.getResourceMethod());
 * }</pre>
 */
public final class ResourceMethodBinding {
  private final ServerTracing tracing;

  private ResourceMethodBinding(ServerTracing tracing) {
    this.tracing = tracing;
  }

  /** For requests that a {@code new DivakFeature(divak)} traces. */
  public static ResourceMethodBinding create(Divak divak) {
    if (divak == null) throw new NullPointerException("divak == null");
    return new ResourceMethodBinding(new ServerTracing(divak, null, PathRule.NONE));
  }

  /**
   * Names the request's span after the matched resource method (once), and makes the request's
   * span and ids current on this thread, if another thread holds them. Does nothing for a request
   * that divak's filters did not start, or that has ended.
   */
  public void bind(ContainerRequestContext request, Class<?> resourceClass, Method resourceMethod) {
    ServerExchange exchange = ServerTracing.exchange(request);
    if (exchange == null) return;
    tracing.matched(exchange, resourceClass, resourceMethod);
    if (exchange.isEnded() || exchange.isBoundHere()) return;
    ThreadBinding.restoreStale(); // what an earlier request left on this pooled thread
    tracing.bind(exchange);
  }

  @Override
  public String toString() {
    return "ResourceMethodBinding{" + tracing.divak + "}";
  }
}
