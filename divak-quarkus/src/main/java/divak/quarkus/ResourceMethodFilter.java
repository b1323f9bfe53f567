package divak.quarkus;

import divak.Divak;
import divak.jaxrs.ResourceMethodBinding;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;

/**
 * Runs on the thread of the resource method (Quarkus REST runs request filters there: a worker
 * thread for blocking methods, a virtual thread for {@code @RunOnVirtualThread}, the event loop
 * for non-blocking ones), names the request's span after the matched method and makes the span
 * and its ids current there. The extension registers it; applications do not.
 */
public class ResourceMethodFilter implements ContainerRequestFilter {
  private final ResourceMethodBinding binding;
  @Context ResourceInfo resourceInfo;

  /** Built by CDI. */
  @Inject
  public ResourceMethodFilter(Divak divak) {
    this.binding = ResourceMethodBinding.create(divak);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    binding.bind(request, resourceInfo.getResourceClass(), resourceInfo.getResourceMethod());
  }
}
