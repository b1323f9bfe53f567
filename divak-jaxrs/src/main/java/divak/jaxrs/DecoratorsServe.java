package divak.jaxrs;

import jakarta.ws.rs.core.FeatureContext;

/**
 * Registers, on a server, the container's hook that makes the generated decorator the one that
 * serves when an application registers a resource and its decorator both (package scanning), and
 * warns at startup about a resource served undecorated although its decorator exists.
 */
final class DecoratorsServe {
  static final String JERSEY_MODEL_PROCESSOR = "org.glassfish.jersey.server.model.ModelProcessor";
  static final String RESTEASY_CLASS_PROCESSOR =
      "org.jboss.resteasy.spi.metadata.ResourceClassProcessor";
  static final String RESTEASY_CONTEXT = "org.jboss.resteasy.core.ResteasyContext";

  static void register(FeatureContext context) {
    if (ContainerHooks.isPresent(JERSEY_MODEL_PROCESSOR)) {
      context.register(JerseyDecoratorsServe.create());
    }
    if (ContainerHooks.isPresent(RESTEASY_CLASS_PROCESSOR)
        && ContainerHooks.isPresent(RESTEASY_CONTEXT)) {
      context.register(ResteasyDecoratorsServe.create());
    }
  }

  private DecoratorsServe() {
  }
}
