package divak.spring.boot;

import divak.Divak;
import divak.Sampler;
import divak.report.Reporter;
import divak.report.ZipkinReporter;

/** Builds a {@link Divak} from {@link DivakProperties}; free of Spring so that it reads alone. */
final class DivakFactory {
  private final DivakProperties properties;
  private final String applicationName;

  DivakFactory(DivakProperties properties, String applicationName) {
    this.properties = properties;
    this.applicationName = applicationName;
  }

  Divak create(Iterable<Reporter> reporters) {
    Divak.Builder builder = Divak.builder()
        .serviceName(serviceName())
        .sampler(sampler())
        .requestIdHeader(properties.requestIdHeader())
        .generateRequestIds(properties.generateRequestIds());
    for (Reporter reporter : reporters) builder.reporter(reporter);
    String zipkin = properties.zipkin().url();
    if (zipkin != null && !zipkin.isBlank()) builder.reporter(ZipkinReporter.create(zipkin));
    return builder.build();
  }

  private String serviceName() {
    if (properties.serviceName() != null && !properties.serviceName().isBlank()) return properties.serviceName();
    if (applicationName != null && !applicationName.isBlank()) return applicationName;
    return "application";
  }

  private Sampler sampler() {
    DivakProperties.Sampler sampler = properties.sampler();
    if (sampler.probability() != null && sampler.tracesPerSecond() != null) {
      throw new IllegalArgumentException(
          "divak.sampler.probability and divak.sampler.traces-per-second are both set; set one");
    }
    if (sampler.probability() != null) return Sampler.probability(sampler.probability());
    if (sampler.tracesPerSecond() != null) return Sampler.rateLimited(sampler.tracesPerSecond());
    return Sampler.always();
  }
}
