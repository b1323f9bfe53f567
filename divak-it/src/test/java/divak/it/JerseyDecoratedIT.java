package divak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import divak.it.inject.Greeter;
import divak.it.shop.AuditFilter;
import divak.it.shop.DivakResources;
import divak.it.shop.OrderNotFoundMapper;
import divak.jaxrs.DivakFeature;
import divak.testing.JerseyContainer;
import java.io.IOException;
import java.util.Set;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.junit.jupiter.api.Test;

/**
 * Jersey 3.1 on Grizzly, with HK2, {@code RolesAllowedDynamicFeature} and jersey-bean-validation:
 * the decorators registered through the generated {@code DivakResources} feature.
 */
class JerseyDecoratedIT extends DecoratedResourcesContract {

  @Override
  boolean bindsNamesOnImplementingMethods() {
    return true;
  }

  @Override
  Server startDecorated() {
    return start("decorated", true);
  }

  @Override
  Server startOriginal() {
    return start("original", false);
  }

  @Override
  String containerClass() {
    return "org.glassfish.jersey.server.ResourceConfig";
  }

  @Test
  void injectConstructorBuildsTheDecorator() throws IOException, InterruptedException {
    assertEquals("hello ann", get("/greet/ann").body());
    assertEquals("ann", onlyServerSpan(1).tag("name"));
  }

  /** Only method bodies name Jersey's classes, so that the RESTEasy JVM can skip this class. */
  private static Server start(String name, boolean decorated) {
    // Named here: inside a Server, its field divak hides the package divak.
    Class<?> injectResources = divak.it.inject.DivakResources.class;
    Set<Class<?>> injectClasses = divak.it.inject.DivakResources.classes();
    return new Server(name) {
      {
        ResourceConfig config = new ResourceConfig();
        config.register(new DivakFeature(divak).accessLog(false));
        if (decorated) {
          config.register(DivakResources.class);
          config.register(injectResources);
        } else {
          originals(DivakResources.classes()).forEach(config::register);
          originals(injectClasses).forEach(config::register);
        }
        config.register(RolesAllowedDynamicFeature.class);
        config.register(RolesFilter.class);
        config.register(AuditFilter.class);
        config.register(OrderNotFoundMapper.class);
        config.register(new AbstractBinder() {
          @Override
          protected void configure() {
            bind((Greeter) n -> "hello " + n).to(Greeter.class);
          }
        });
        serve(JerseyContainer.start(config, 4));
      }
    };
  }
}
