package divak.quarkus;

import divak.Divak;
import divak.Sampler;
import divak.propagation.Propagation;
import divak.report.Reporter;
import divak.report.ZipkinReporter;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes the application's {@link Divak} from the settings of {@link DivakConfig}, with every {@link Reporter}
 * bean the application declares besides the configured ones. An application that produces its
 * own {@code Divak} bean replaces this one.
 */
@Singleton
public class DivakProducer {

  /** Built by CDI. */
  public DivakProducer() {
  }

  /** The tracer of the application, closed (and flushed) when the application stops. */
  @Produces
  @Singleton
  @DefaultBean
  public Divak divak(Instance<Reporter> reporters) {
    StaticInitSettings config = StaticInitSettings.read();
    Divak.Builder builder = Divak.builder()
        .serviceName(serviceName(config))
        .sampler(sampler(config))
        .requestIdHeader(config.requestIdHeader())
        .generateRequestIds(config.generateRequestIds());
    List<Propagation> formats = propagation(config.propagation());
    builder.propagation(formats.get(0),
        formats.subList(1, formats.size()).toArray(new Propagation[0]));
    config.zipkinUrl().ifPresent(url -> builder.reporter(ZipkinReporter.create(url)));
    if (config.logSpans()) builder.reporter(Reporter.logging());
    for (Reporter reporter : reporters) builder.reporter(reporter);
    return builder.build();
  }

  /** Flushes and closes the tracer when the application stops. */
  public void close(@Disposes Divak divak) {
    divak.close();
  }

  static String serviceName(StaticInitSettings config) {
    return config.serviceName();
  }

  static Sampler sampler(StaticInitSettings config) {
    switch (config.sampler().trim().toLowerCase(Locale.ROOT)) {
      case "always":
        return Sampler.always();
      case "never":
        return Sampler.never();
      case "probability":
        return Sampler.probability(config.samplerProbability());
      case "rate-limited":
        return Sampler.rateLimited(config.samplerRate());
      default:
        throw new IllegalArgumentException("quarkus.divak.sampler must be always, never, "
            + "probability or rate-limited: was '" + config.sampler() + "'");
    }
  }

  static List<Propagation> propagation(List<String> names) {
    List<Propagation> formats = new ArrayList<>();
    for (String name : names) {
      switch (name.trim().toLowerCase(Locale.ROOT)) {
        case "w3c":
          formats.add(Propagation.w3c());
          break;
        case "b3":
          formats.add(Propagation.b3());
          break;
        case "b3-single":
          formats.add(Propagation.b3Single());
          break;
        default:
          throw new IllegalArgumentException("quarkus.divak.propagation takes w3c, b3 and "
              + "b3-single: was '" + name + "'");
      }
    }
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("quarkus.divak.propagation must name a format");
    }
    return formats;
  }
}
