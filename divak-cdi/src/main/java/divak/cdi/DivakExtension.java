package divak.cdi;

import divak.Divak;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * divak in a CDI container, found through {@code META-INF/services}: nothing to register.
 *
 * <ul>
 *   <li>An original whose decorator {@code Divak_X} is present is vetoed, so that the decorator,
 *       which repeats the original's scope, is the one bean of type {@code X}: injected wherever
 *       {@code X} is, and the one resource class a container that collects resources from beans
 *       (Helidon MP) serves.
 *   <li>{@link Divak} is a {@code @Singleton} bean, configured from MicroProfile Config (or system
 *       properties) and closed when the container shuts down; it is created at start-up so that
 *       decorators of services find it through {@code Divak.current()} from the first request.
 *   <li>{@link DivakServerFeature}, a {@code @Provider}, puts {@code DivakFeature} on the server.
 * </ul>
 */
public final class DivakExtension implements Extension {
  private static final Logger LOG = LoggerFactory.getLogger(DivakExtension.class);

  /** Created by the container through {@link java.util.ServiceLoader}. */
  public DivakExtension() {
  }

  void addDivakBeans(@Observes BeforeBeanDiscovery discovery) {
    discovery.addAnnotatedType(DivakProducer.class, DivakProducer.class.getName());
    discovery.addAnnotatedType(DivakServerFeature.class, DivakServerFeature.class.getName());
  }

  <T> void vetoDecoratedOriginals(@Observes ProcessAnnotatedType<T> type) {
    Class<T> original = type.getAnnotatedType().getJavaClass();
    Class<?> decorator = Decorators.decoratorOf(original);
    if (decorator == null) return;
    LOG.debug("{} replaces {} as a bean", decorator.getName(), original.getName());
    type.veto();
  }

  void createDivakAtStartup(@Observes @Initialized(ApplicationScoped.class) Object event, BeanManager beans) {
    Divak divak = beans.createInstance().select(Divak.class).get();
    LOG.debug("{} started", divak);
  }
}
