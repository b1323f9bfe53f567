package divak.quarkus;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The settings of {@link DivakConfig}, read from the configuration Quarkus has while it builds
 * its REST deployment (static init), where the tracer and divak's filters are made; a runtime
 * config mapping cannot be injected there yet. In JVM mode static init runs when the application
 * starts, so {@code application.properties}, system properties and environment variables all
 * apply. The defaults are the constants below, shared with {@link DivakConfig}.
 */
final class StaticInitSettings {
  static final String PREFIX = "quarkus.divak.";
  static final String SAMPLER = "always";
  static final String SAMPLER_PROBABILITY = "1.0";
  static final String SAMPLER_RATE = "10";
  static final String PROPAGATION = "w3c,b3";
  static final String REQUEST_ID_HEADER = "Request-Id";

  private final Config config;

  private StaticInitSettings(Config config) {
    this.config = config;
  }

  static StaticInitSettings read() {
    return new StaticInitSettings(ConfigProvider.getConfig());
  }

  String serviceName() {
    return string("service-name").orElseGet(() -> config
        .getOptionalValue("quarkus.application.name", String.class).orElse("quarkus"));
  }

  String sampler() {
    return string("sampler").orElse(SAMPLER);
  }

  double samplerProbability() {
    return config.getOptionalValue(PREFIX + "sampler-probability", Double.class)
        .orElse(Double.parseDouble(SAMPLER_PROBABILITY));
  }

  int samplerRate() {
    return config.getOptionalValue(PREFIX + "sampler-rate", Integer.class)
        .orElse(Integer.parseInt(SAMPLER_RATE));
  }

  List<String> propagation() {
    return Arrays.asList(string("propagation").orElse(PROPAGATION).split(","));
  }

  Optional<String> zipkinUrl() {
    return string("zipkin-url");
  }

  boolean logSpans() {
    return flag("log-spans", false);
  }

  String requestIdHeader() {
    return string("request-id-header").orElse(REQUEST_ID_HEADER);
  }

  boolean generateRequestIds() {
    return flag("generate-request-ids", true);
  }

  boolean accessLog() {
    return flag("access-log", true);
  }

  Optional<String> metricsPath() {
    return string("metrics-path");
  }

  private Optional<String> string(String key) {
    return config.getOptionalValue(PREFIX + key, String.class).filter(s -> !s.isBlank());
  }

  private boolean flag(String key, boolean otherwise) {
    return config.getOptionalValue(PREFIX + key, Boolean.class).orElse(otherwise);
  }
}
