package divak.it;

import divak.it.shop.AuditFilter;
import divak.it.shop.DivakResources;
import divak.it.shop.OrderNotFoundMapper;
import divak.jaxrs.DivakFeature;
import divak.testing.ResteasyContainer;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;
import org.jboss.resteasy.plugins.interceptors.RoleBasedSecurityFeature;

/**
 * RESTEasy 6.2 on Undertow, with its role-based security and Bean Validation provider: the same
 * decorators registered through {@code DivakResources.classes()} in {@code Application#getClasses}.
 */
class ResteasyDecoratedIT extends DecoratedResourcesContract {

  @Override
  String containerClass() {
    return "org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer";
  }

  @Override
  boolean bindsNamesOnImplementingMethods() {
    return false;
  }

  @Override
  Server startDecorated() {
    return start("decorated", DivakResources.classes());
  }

  @Override
  Server startOriginal() {
    return start("original", originals(DivakResources.classes()));
  }

  private static Server start(String name, Set<Class<?>> resources) {
    return new Server(name) {
      {
        Set<Class<?>> classes = new HashSet<>(resources);
        classes.add(RoleBasedSecurityFeature.class);
        classes.add(RolesFilter.class);
        classes.add(AuditFilter.class);
        classes.add(OrderNotFoundMapper.class);
        Set<Object> singletons = Set.of(new DivakFeature(divak).accessLog(false));
        serve(ResteasyContainer.start(new Application() {
          @Override
          public Set<Class<?>> getClasses() {
            return classes;
          }

          @Override
          public Set<Object> getSingletons() {
            return singletons;
          }
        }, 4));
      }
    };
  }
}
