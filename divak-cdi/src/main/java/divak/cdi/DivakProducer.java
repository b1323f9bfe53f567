package divak.cdi;

import divak.Divak;
import divak.report.Reporter;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Produces the {@link Divak} bean. {@code Divak} is final, so it cannot be a normal-scoped
 * ({@code @ApplicationScoped}) bean, which the container would proxy; {@code @Singleton} gives one
 * instance, injected as it is.
 */
final class DivakProducer {
  DivakProducer() {
  }

  @Produces
  @Singleton
  Divak divak(Instance<Reporter> reporters) {
    return Settings.load().divak(reporters);
  }

  void close(@Disposes Divak divak) {
    divak.close();
  }
}
