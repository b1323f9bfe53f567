package divak.jaxrs;

import jakarta.ws.rs.core.Configuration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.glassfish.jersey.server.model.Invocable;
import org.glassfish.jersey.server.model.ModelProcessor;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.ResourceModel;

/**
 * Jersey: one root resource per path, and the decorator is the one that serves.
 *
 * <p>When an application registers both a resource class and its decorator (package scanning
 * finds both, since the decorator carries the same {@code @Path}), Jersey merges them into one
 * resource with two methods for each route, and its model validation refuses to start. This
 * processor removes the original's methods from the model before validation, wherever its
 * decorator's are present too. Where a class is served without its decorator although the
 * decorator exists (registered by hand, as an instance, or left out of {@code DivakResources} by a
 * partial build), it logs one WARN for that class at startup.
 *
 * <p>Only loaded when Jersey is on the classpath (see {@link DecoratorsServe}).
 */
final class JerseyDecoratorsServe implements ModelProcessor {

  static Object create() {
    return new JerseyDecoratorsServe();
  }

  @Override
  public ResourceModel processResourceModel(ResourceModel model, Configuration configuration) {
    Set<Class<?>> handlers = new HashSet<>();
    for (Resource resource : model.getRootResources()) collectHandlers(resource, handlers);
    Map<Class<?>, Class<?>> served = new LinkedHashMap<>(); // original -> its decorator, in the model
    for (Class<?> handler : handlers) {
      Class<?> decorator = Decorators.decoratorOf(handler);
      if (decorator == null) continue;
      if (handlers.contains(decorator)) {
        served.put(handler, decorator);
      } else {
        Decorators.warnUndecorated(handler, decorator);
      }
    }
    if (served.isEmpty()) return model;

    ResourceModel.Builder result = new ResourceModel.Builder(false);
    for (Resource resource : model.getRootResources()) {
      Resource kept = hasAny(resource, served.keySet()) ? without(resource, served.keySet()) : resource;
      if (kept != null) result.addResource(kept);
    }
    served.forEach(Decorators::debugRemoved);
    return result.build();
  }

  @Override
  public ResourceModel processSubResource(ResourceModel model, Configuration configuration) {
    return model; // a locator returns what it constructs: the decorator's own locator runs
  }

  private static void collectHandlers(Resource resource, Set<Class<?>> into) {
    for (ResourceMethod method : resource.getAllMethods()) {
      Class<?> handler = handlerClass(method);
      if (handler != null) into.add(handler);
    }
    for (Resource child : resource.getChildResources()) collectHandlers(child, into);
  }

  private static boolean hasAny(Resource resource, Set<Class<?>> originals) {
    for (ResourceMethod method : resource.getAllMethods()) {
      if (originals.contains(handlerClass(method))) return true;
    }
    for (Resource child : resource.getChildResources()) {
      if (hasAny(child, originals)) return true;
    }
    return false;
  }

  /** {@code resource} without the methods of {@code originals}; null when nothing is left. */
  private static Resource without(Resource resource, Set<Class<?>> originals) {
    Resource.Builder builder = Resource.builder(resource.getPath());
    builder.extended(resource.isExtended());
    boolean any = false;
    for (ResourceMethod method : resource.getResourceMethods()) {
      if (!originals.contains(handlerClass(method))) {
        builder.addMethod(method);
        any = true;
      }
    }
    ResourceMethod locator = resource.getResourceLocator();
    if (locator != null && !originals.contains(handlerClass(locator))) {
      builder.addMethod(locator);
      any = true;
    }
    List<Resource> children = resource.getChildResources();
    for (Resource child : children) {
      Resource kept = hasAny(child, originals) ? without(child, originals) : child;
      if (kept != null) {
        builder.addChildResource(kept);
        any = true;
      }
    }
    return any ? builder.build() : null;
  }

  private static Class<?> handlerClass(ResourceMethod method) {
    Invocable invocable = method.getInvocable();
    return invocable == null || invocable.getHandler() == null
        ? null
        : invocable.getHandler().getHandlerClass();
  }

  @Override
  public String toString() {
    return "JerseyDecoratorsServe";
  }
}
