package divak.jaxrs;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.core.ResteasyContext;
import org.jboss.resteasy.spi.ResourceFactory;
import org.jboss.resteasy.spi.ResteasyDeployment;
import org.jboss.resteasy.spi.metadata.FieldParameter;
import org.jboss.resteasy.spi.metadata.ResourceClass;
import org.jboss.resteasy.spi.metadata.ResourceClassProcessor;
import org.jboss.resteasy.spi.metadata.ResourceConstructor;
import org.jboss.resteasy.spi.metadata.ResourceLocator;
import org.jboss.resteasy.spi.metadata.ResourceMethod;
import org.jboss.resteasy.spi.metadata.SetterParameter;

/**
 * RESTEasy: the decorator is the one that serves, on every start.
 *
 * <p>RESTEasy accepts two root resources with the same routes and picks one per route by the
 * order in which it registered them, which follows the hash order of the application's class set:
 * it changes from one start to the next. This processor sees each resource class as RESTEasy
 * builds its metadata, after the deployment knows every resource it will register. A class whose
 * decorator is registered too keeps its metadata but loses its routes, so the decorator alone
 * serves them; a class whose decorator exists but is not registered gets one WARN.
 *
 * <p>Only loaded when RESTEasy is on the classpath (see {@link DecoratorsServe}).
 */
final class ResteasyDecoratorsServe implements ResourceClassProcessor {
  private volatile Set<String> registered; // names of the deployment's resource classes, read once
  // RESTEasy builds a class's metadata more than once (registration, then look-ups): one WARN each.
  private final Set<Class<?>> warned = ConcurrentHashMap.newKeySet();

  static Object create() {
    return new ResteasyDecoratorsServe();
  }

  @Override
  public ResourceClass process(ResourceClass resource) {
    Class<?> type = resource.getClazz();
    Class<?> decorator = Decorators.decoratorOf(type);
    if (decorator == null) return resource;
    if (registered().contains(decorator.getName())) {
      Decorators.debugRemoved(type, decorator);
      return new WithoutRoutes(resource);
    }
    if (warned.add(type)) Decorators.warnUndecorated(type, decorator);
    return resource;
  }

  /**
   * The resource classes the deployment registers: RESTEasy reads the application's classes and
   * singletons (and what scanning found) into the deployment before it registers any provider.
   */
  private Set<String> registered() {
    Set<String> names = registered;
    if (names != null) return names;
    names = new HashSet<>();
    ResteasyDeployment deployment = ResteasyContext.getContextData(ResteasyDeployment.class);
    if (deployment != null) {
      addAll(names, deployment.getResourceClasses());
      addAll(names, deployment.getScannedResourceClasses());
      for (Class<?> type : nonNull(deployment.getActualResourceClasses())) names.add(type.getName());
      for (Object singleton : nonNull(deployment.getResources())) names.add(singleton.getClass().getName());
      for (ResourceFactory factory : nonNull(deployment.getResourceFactories())) {
        if (factory.getScannableClass() != null) names.add(factory.getScannableClass().getName());
      }
    }
    registered = names;
    return names;
  }

  private static void addAll(Set<String> into, Iterable<String> names) {
    for (String name : nonNull(names)) into.add(name.trim());
  }

  private static <T> Iterable<T> nonNull(Iterable<T> values) {
    return values == null ? Set.of() : values;
  }

  @Override
  public String toString() {
    return "ResteasyDecoratorsServe";
  }

  /** A resource class's metadata without its resource methods and locators. */
  private static final class WithoutRoutes implements ResourceClass {
    private final ResourceClass resource;

    WithoutRoutes(ResourceClass resource) {
      this.resource = resource;
    }

    @Override
    public String getPath() {
      return resource.getPath();
    }

    @Override
    public Class<?> getClazz() {
      return resource.getClazz();
    }

    @Override
    public ResourceConstructor getConstructor() {
      return resource.getConstructor();
    }

    @Override
    public FieldParameter[] getFields() {
      return resource.getFields();
    }

    @Override
    public SetterParameter[] getSetters() {
      return resource.getSetters();
    }

    @Override
    public ResourceMethod[] getResourceMethods() {
      return new ResourceMethod[0];
    }

    @Override
    public ResourceLocator[] getResourceLocators() {
      return new ResourceLocator[0];
    }
  }
}
