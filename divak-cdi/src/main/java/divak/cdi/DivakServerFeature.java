package divak.cdi;

import divak.Divak;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code DivakFeature} for the {@link Divak} bean, as a provider: a container that registers the
 * providers among its beans (Helidon MP) registers it; elsewhere, return it from
 * {@code Application#getClasses}. {@code divak.access-log} and {@code divak.metrics-path} configure it.
 *
 * <p>The bean is looked up through {@link CDI#current()} rather than injected: Jersey creates
 * providers with its own injector (HK2), which does not see CDI beans.
 */
@Provider
public final class DivakServerFeature implements Feature {
  /** Created by the Jakarta REST runtime. */
  public DivakServerFeature() {
  }

  @Override
  public boolean configure(FeatureContext context) {
    Divak divak = CDI.current().select(Divak.class).get();
    context.register(Settings.load().feature(divak));
    return true;
  }
}
