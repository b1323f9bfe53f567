package divak.quarkus;

import divak.Divak;
import divak.jaxrs.DivakFeature;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Registers divak's server filters ({@link DivakFeature}) with the application's {@link Divak}
 * bean and the settings of {@link DivakConfig}. The extension registers it; applications do not.
 */
public class DivakRestFeature implements Feature {
  private final Divak divak;
  private final DivakConfig config;

  /** Built by CDI. */
  @Inject
  public DivakRestFeature(Divak divak, DivakConfig config) {
    this.divak = divak;
    this.config = config;
  }

  @Override
  public boolean configure(FeatureContext context) {
    DivakFeature feature = new DivakFeature(divak).accessLog(config.accessLog());
    config.metricsPath().ifPresent(feature::metricsAt);
    return feature.configure(context);
  }
}
