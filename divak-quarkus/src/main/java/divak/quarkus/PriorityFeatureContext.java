package divak.quarkus;

import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.FeatureContext;
import java.util.Collection;
import java.util.Map;

/**
 * The feature context Quarkus REST gives {@link DivakRestFeature}, taking registrations with a
 * priority per contract as well: Quarkus REST supports {@code register(component, priority)} but
 * throws {@code UnsupportedOperationException} for {@code register(component, Map)}, which
 * {@code DivakFeature} uses (Jersey needs it). divak gives every contract of a component the same
 * priority, so the map becomes that one priority.
 */
final class PriorityFeatureContext implements FeatureContext {
  private final FeatureContext delegate;

  PriorityFeatureContext(FeatureContext delegate) {
    this.delegate = delegate;
  }

  @Override
  public FeatureContext register(Object component, Map<Class<?>, Integer> contracts) {
    Integer priority = onePriority(contracts);
    if (priority == null) {
      delegate.register(component);
    } else {
      delegate.register(component, priority);
    }
    return this;
  }

  @Override
  public FeatureContext register(Class<?> componentClass, Map<Class<?>, Integer> contracts) {
    Integer priority = onePriority(contracts);
    if (priority == null) {
      delegate.register(componentClass);
    } else {
      delegate.register(componentClass, priority);
    }
    return this;
  }

  @Override
  public FeatureContext register(Object component, Class<?>... contracts) {
    delegate.register(component);
    return this;
  }

  @Override
  public FeatureContext register(Class<?> componentClass, Class<?>... contracts) {
    delegate.register(componentClass);
    return this;
  }

  /** The lowest (first-running) of the priorities, or null when none is given. */
  private static Integer onePriority(Map<Class<?>, Integer> contracts) {
    Collection<Integer> priorities = contracts.values();
    return priorities.stream().min(Integer::compare).orElse(null);
  }

  @Override
  public FeatureContext register(Object component) {
    delegate.register(component);
    return this;
  }

  @Override
  public FeatureContext register(Object component, int priority) {
    delegate.register(component, priority);
    return this;
  }

  @Override
  public FeatureContext register(Class<?> componentClass) {
    delegate.register(componentClass);
    return this;
  }

  @Override
  public FeatureContext register(Class<?> componentClass, int priority) {
    delegate.register(componentClass, priority);
    return this;
  }

  @Override
  public FeatureContext property(String name, Object value) {
    delegate.property(name, value);
    return this;
  }

  @Override
  public Configuration getConfiguration() {
    return delegate.getConfiguration();
  }
}
