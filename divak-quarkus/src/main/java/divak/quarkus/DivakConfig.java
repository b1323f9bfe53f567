package divak.quarkus;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * divak's settings in {@code application.properties}, under {@code quarkus.divak}. They build the
 * application's {@link divak.Divak} bean, unless the application produces its own.
 *
 * <p>Quarkus REST makes its providers, and so the tracer, while it builds its deployment (static
 * init), before a runtime config mapping can be injected; the extension reads these same keys
 * from the configuration it has then. In JVM mode that is the start of the application, so
 * system properties and environment variables ({@code QUARKUS_DIVAK_ZIPKIN_URL}) apply.
 */
@ConfigMapping(prefix = "quarkus.divak")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface DivakConfig {

  /**
   * The name spans are reported under ({@code localEndpoint.serviceName}). Defaults to
   * {@code quarkus.application.name}.
   */
  Optional<String> serviceName();

  /**
   * How traces that start here are sampled: {@code always}, {@code never}, {@code probability}
   * (with {@code sampler-probability}) or {@code rate-limited} (with {@code sampler-rate}). An
   * upstream decision is always honoured.
   */
  @WithDefault(StaticInitSettings.SAMPLER)
  String sampler();

  /** The share of traces kept by the {@code probability} sampler, from 0 to 1. */
  @WithDefault(StaticInitSettings.SAMPLER_PROBABILITY)
  double samplerProbability();

  /** The traces per second kept by the {@code rate-limited} sampler. */
  @WithDefault(StaticInitSettings.SAMPLER_RATE)
  int samplerRate();

  /**
   * The trace header formats, in the order tried on extraction; all are written. Any of
   * {@code w3c}, {@code b3}, {@code b3-single}.
   */
  @WithDefault(StaticInitSettings.PROPAGATION)
  List<String> propagation();

  /**
   * The Zipkin v2 API root that spans are sent to, such as {@code http://127.0.0.1:9411/api/v2}.
   * None by default.
   */
  Optional<String> zipkinUrl();

  /** Whether to write each finished span as a Zipkin JSON line on the logger {@code divak.spans}. */
  @WithDefault("false")
  boolean logSpans();

  /** The header that carries the Request-Id. */
  @WithDefault(StaticInitSettings.REQUEST_ID_HEADER)
  String requestIdHeader();

  /** Whether requests that bring no Request-Id get a new one. */
  @WithDefault("true")
  boolean generateRequestIds();

  /** Whether to write one access log line per request on the logger {@code divak.access}. */
  @WithDefault("true")
  boolean accessLog();

  /** A path, such as {@code /metrics}, that serves divak's request metrics; none by default. */
  Optional<String> metricsPath();
}
