package api;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Registers the traced resources of this package: {@code config.register(DivakResources.class)},
 * or {@link #classes()} from {@code Application#getClasses()} where a container takes no
 * resources from a feature.
 */
@Generated("divak.processor.DivakProcessor")
public final class DivakResources implements Feature {
  /**
   * The decorated root resources of this package.
   */
  public static Set<Class<?>> classes() {
    return Set.of(Divak_StoreResource.class);
  }

  @Override
  public boolean configure(FeatureContext context) {
    context.register(Divak_StoreResource.class);
    return true;
  }
}
