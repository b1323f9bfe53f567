package divak.spring.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code divak.*} properties from which {@link DivakAutoConfiguration} builds the
 * {@link divak.Divak} bean.
 *
 * @param serviceName {@code localEndpoint.serviceName} of every span; when absent,
 *     {@code spring.application.name}, else {@code application}
 * @param sampler how traces that start here are sampled
 * @param zipkin where spans are sent
 * @param requestIdHeader the header that carries the Request-Id
 * @param generateRequestIds whether a request without a Request-Id gets a new one
 * @param accessLog whether each request is logged on {@code divak.access}
 * @param metricsPath where Prometheus text is served (for example {@code /metrics}); none when absent
 */
@ConfigurationProperties("divak")
public record DivakProperties(
    String serviceName,
    @DefaultValue Sampler sampler,
    @DefaultValue Zipkin zipkin,
    @DefaultValue("Request-Id") String requestIdHeader,
    @DefaultValue("true") boolean generateRequestIds,
    @DefaultValue("true") boolean accessLog,
    String metricsPath) {

  /**
   * {@code divak.sampler.*}: at most one of the two; neither samples every trace.
   *
   * @param probability the fraction of traces sampled, from 0 to 1 ({@code Sampler.probability})
   * @param tracesPerSecond at most this many traces a second ({@code Sampler.rateLimited})
   */
  public record Sampler(Double probability, Integer tracesPerSecond) {
  }

  /**
   * {@code divak.zipkin.*}.
   *
   * @param url the Zipkin v2 API root, such as {@code http://zipkin:9411/api/v2}; no Zipkin reporter
   *     when absent
   */
  public record Zipkin(String url) {
  }
}
