package divak.cdi;

import divak.Divak;
import divak.Sampler;
import divak.jaxrs.DivakFeature;
import divak.report.Reporter;
import divak.report.ZipkinReporter;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code divak.*} settings: from MicroProfile Config when the container has it, else from
 * system properties. Keys as divak-spring-boot's: {@code divak.service-name},
 * {@code divak.sampler.probability}, {@code divak.sampler.traces-per-second}, {@code divak.zipkin.url},
 * {@code divak.request-id-header}, {@code divak.generate-request-ids}, {@code divak.access-log},
 * {@code divak.metrics-path}.
 */
final class Settings {
  private final Function<String, Optional<String>> source;

  private Settings(Function<String, Optional<String>> source) {
    this.source = source;
  }

  static Settings load() {
    try {
      Class.forName("org.eclipse.microprofile.config.ConfigProvider", false, Settings.class.getClassLoader());
      return new Settings(MicroProfileSource.create());
    } catch (ClassNotFoundException | LinkageError e) {
      return new Settings(key -> Optional.ofNullable(System.getProperty(key)).filter(v -> !v.isBlank()));
    }
  }

  Divak divak(Iterable<? extends Reporter> reporters) {
    Divak.Builder builder = Divak.builder()
        .serviceName(get("divak.service-name").orElse("application"))
        .sampler(sampler())
        .generateRequestIds(Boolean.parseBoolean(get("divak.generate-request-ids").orElse("true")));
    get("divak.request-id-header").ifPresent(builder::requestIdHeader);
    for (Reporter reporter : reporters) builder.reporter(reporter);
    get("divak.zipkin.url").ifPresent(url -> builder.reporter(ZipkinReporter.create(url)));
    return builder.build();
  }

  DivakFeature feature(Divak divak) {
    DivakFeature feature = new DivakFeature(divak)
        .accessLog(Boolean.parseBoolean(get("divak.access-log").orElse("true")));
    Optional<String> metricsPath = get("divak.metrics-path");
    return metricsPath.isPresent() ? feature.metricsAt(metricsPath.get()) : feature;
  }

  private Sampler sampler() {
    Optional<String> probability = get("divak.sampler.probability");
    Optional<String> perSecond = get("divak.sampler.traces-per-second");
    if (probability.isPresent() && perSecond.isPresent()) {
      throw new IllegalArgumentException(
          "divak.sampler.probability and divak.sampler.traces-per-second are both set; set one");
    }
    if (probability.isPresent()) return Sampler.probability(Double.parseDouble(probability.get()));
    if (perSecond.isPresent()) return Sampler.rateLimited(Integer.parseInt(perSecond.get()));
    return Sampler.always();
  }

  private Optional<String> get(String key) {
    return source.apply(key);
  }
}
