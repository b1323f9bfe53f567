package divak.quarkus;

import divak.Divak;
import divak.jaxrs.DivakFeature;
import io.quarkus.arc.Arc;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.spi.RestClientListener;

/**
 * Registers {@link DivakFeature} on every Quarkus REST client as it is built (the MicroProfile
 * {@code RestClientListener} hook, found through {@code ServiceLoader}): each call gets a CLIENT
 * span, a child of the current span, and carries the trace headers and the Request-Id.
 */
public class DivakRestClientListener implements RestClientListener {

  /** Built by {@code ServiceLoader}. */
  public DivakRestClientListener() {
  }

  @Override
  public void onNewClient(Class<?> serviceInterface, RestClientBuilder builder) {
    var divak = Arc.container().instance(Divak.class);
    if (divak.isAvailable()) builder.register(new DivakFeature(divak.get()));
  }
}
