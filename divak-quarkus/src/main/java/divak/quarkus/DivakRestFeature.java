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

  /** Built by CDI. */
  @Inject
  public DivakRestFeature(Divak divak) {
    this.divak = divak;
  }

  @Override
  public boolean configure(FeatureContext context) {
    StaticInitSettings config = StaticInitSettings.read();
    DivakFeature feature = new DivakFeature(divak).accessLog(config.accessLog());
    config.metricsPath().ifPresent(feature::metricsAt);
    return feature.configure(new PriorityFeatureContext(context));
  }
}
