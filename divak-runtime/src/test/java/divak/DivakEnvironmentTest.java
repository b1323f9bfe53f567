package divak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import divak.propagation.Propagation;
import divak.report.InMemoryReporter;
import divak.report.Reporter;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code Divak.builder().fromEnvironment()}: what the SDK's autoconfigure has no counterpart for
 * (explicit calls win, divak's own refusals, Zipkin), beside {@link
 * EnvironmentConfigOpenTelemetryTest}.
 */
class DivakEnvironmentTest {

  @Test
  void explicitBuilderCallsWinInAnyOrder() {
    Map<String, String> env = Map.of("OTEL_SERVICE_NAME", "from-env",
        "OTEL_TRACES_SAMPLER", "always_off", "OTEL_PROPAGATORS", "b3",
        "OTEL_TRACES_EXPORTER", "otlp");
    InMemoryReporter reporter = Reporter.inMemory();
    try (Divak divak = Divak.builder().serviceName("explicit").sampler(Sampler.always())
        .fromEnvironment(env).propagation(Propagation.w3c()).reporter(reporter).build()) {
      assertThat(divak.serviceName()).isEqualTo("explicit");
      assertThat(divak.sampler()).isSameAs(Sampler.always());
      Span span = divak.startSpan("x");
      Map<String, String> headers = new TreeMap<>();
      divak.inject(span.context(), headers, Propagation.mapSetter());
      assertThat(headers).containsKey("traceparent").doesNotContainKey("b3");
      span.finish();
      assertThat(reporter.spans()).hasSize(1); // the explicit reporter, not an OTLP one
    }
  }

  @Test
  void whatTheEnvironmentLeavesOpenComesFromIt() {
    Map<String, String> env = Map.of("OTEL_SERVICE_NAME", "orders",
        "OTEL_TRACES_SAMPLER", "parentbased_always_off", "OTEL_TRACES_EXPORTER", "none");
    try (Divak divak = Divak.builder().fromEnvironment(env).build()) {
      assertThat(divak.serviceName()).isEqualTo("orders");
      assertThat(divak.startSpan("x").isNoop()).isTrue();
    }
  }

  @Test
  void aMalformedValueFailsEvenWhereTheBuilderWins() {
    assertThatThrownBy(() -> Divak.builder().serviceName("x").sampler(Sampler.always())
        .fromEnvironment(Map.of("OTEL_TRACES_SAMPLER", "allways_on")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("OTEL_TRACES_SAMPLER should be one of always_on, always_off, traceidratio,"
            + " parentbased_always_on, parentbased_always_off, parentbased_traceidratio:"
            + " was 'allways_on'");
  }

  @Test
  void whatDivakDoesNotSpeakIsAClearErrorWhereTheSdkWouldAcceptIt() {
    assertThatThrownBy(() -> EnvironmentConfig.read(Map.of("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")))
        .hasMessage("OTEL_EXPORTER_OTLP_PROTOCOL grpc is not supported by divak, which exports"
            + " http/protobuf: was 'grpc'");
    assertThatThrownBy(() -> EnvironmentConfig.read(Map.of("OTEL_PROPAGATORS", "tracecontext,jaeger")))
        .hasMessageContaining("OTEL_PROPAGATORS jaeger is not supported by divak");
    assertThatThrownBy(() -> EnvironmentConfig.read(Map.of("OTEL_TRACES_SAMPLER", "jaeger_remote")))
        .hasMessageContaining("OTEL_TRACES_SAMPLER jaeger_remote is not supported by divak");
    assertThatThrownBy(() -> EnvironmentConfig.read(Map.of("OTEL_TRACES_EXPORTER", "console")))
        .hasMessageContaining("OTEL_TRACES_EXPORTER console is not supported by divak");
  }

  @Test
  void zipkinExporter_defaultAndGivenEndpoint() {
    // The SDK's Zipkin exporter is no longer in its BOM; these are its documented values.
    EnvironmentConfig defaults = EnvironmentConfig.read(Map.of("OTEL_TRACES_EXPORTER", "zipkin"));
    assertThat(defaults.zipkinEndpoint()).isEqualTo("http://localhost:9411/api/v2/spans");
    assertThat(defaults.otlpEndpoint()).isNull();
    EnvironmentConfig given = EnvironmentConfig.read(Map.of("OTEL_TRACES_EXPORTER", "zipkin,otlp",
        "OTEL_EXPORTER_ZIPKIN_ENDPOINT", "http://zipkin:9411/api/v2/spans"));
    assertThat(given.zipkinEndpoint()).isEqualTo("http://zipkin:9411/api/v2/spans");
    assertThat(given.otlpEndpoint()).isEqualTo("http://localhost:4318/v1/traces");
    java.util.List<Reporter> reporters = given.reporters();
    reporters.forEach(Reporter::close);
    assertThat(reporters).extracting(Object::toString).containsExactly(
        "OtlpReporter{http://localhost:4318/v1/traces}",
        "ZipkinReporter{http://zipkin:9411/api/v2/spans}");
  }

  @Test
  void nothingSet_theSdkDefaults() {
    EnvironmentConfig config = EnvironmentConfig.read(Map.of());
    assertThat(config.serviceName()).isEqualTo("unknown_service:java");
    assertThat(config.sampler()).isSameAs(Sampler.always());
    assertThat(config.propagations()).containsExactly(Propagation.w3c(), Propagation.baggage());
    assertThat(config.otlpEndpoint()).isEqualTo("http://localhost:4318/v1/traces");
  }
}
