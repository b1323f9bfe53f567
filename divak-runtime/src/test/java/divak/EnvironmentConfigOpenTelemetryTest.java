package divak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import divak.internal.Hex;
import divak.propagation.Baggage;
import divak.propagation.Propagation;
import divak.report.Reporter;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every OTEL_* variable and value divak reads, given to divak and to the OpenTelemetry SDK's
 * autoconfigure as the same map: the same service name and resource, the same sampler decisions
 * (root, sampled parent, unsampled parent), the same headers injected, the same OTLP endpoint,
 * headers, compression and timeout; and a malformed value fails both.
 */
class EnvironmentConfigOpenTelemetryTest {

  @BeforeAll
  static void noOtelVariablesInThisProcess() {
    // The SDK also reads the real environment; the table must be the only input.
    for (String name : System.getenv().keySet()) {
      if (name.startsWith("OTEL_")) {
        fail("unset " + name + " before running this test: the table must be the only input");
      }
    }
  }

  static Stream<Arguments> valid() {
    return Stream.of(
        row(),
        row("OTEL_SERVICE_NAME", "orders"),
        row("OTEL_RESOURCE_ATTRIBUTES", "service.name=from-attributes,deployment.environment.name=prod%20eu,team=a+b"),
        row("OTEL_SERVICE_NAME", "orders", "OTEL_RESOURCE_ATTRIBUTES", "service.name=other,k=v"),
        row("OTEL_TRACES_SAMPLER", "always_on"),
        row("OTEL_TRACES_SAMPLER", "always_off"),
        row("OTEL_TRACES_SAMPLER", "traceidratio", "OTEL_TRACES_SAMPLER_ARG", "0.25"),
        row("OTEL_TRACES_SAMPLER", "traceidratio"),
        row("OTEL_TRACES_SAMPLER", "parentbased_always_on"),
        row("OTEL_TRACES_SAMPLER", "parentbased_always_off"),
        row("OTEL_TRACES_SAMPLER", "parentbased_traceidratio", "OTEL_TRACES_SAMPLER_ARG", "0.5"),
        row("OTEL_TRACES_SAMPLER", "parentbased_traceidratio", "OTEL_TRACES_SAMPLER_ARG", "0"),
        row("OTEL_TRACES_SAMPLER", "always_on", "OTEL_TRACES_SAMPLER_ARG", "ignored"),
        row("OTEL_PROPAGATORS", "tracecontext"),
        row("OTEL_PROPAGATORS", "baggage,tracecontext"),
        row("OTEL_PROPAGATORS", "b3"),
        row("OTEL_PROPAGATORS", "b3multi"),
        row("OTEL_PROPAGATORS", "tracecontext, b3multi ,baggage"),
        row("OTEL_PROPAGATORS", "none"),
        row("OTEL_TRACES_EXPORTER", "otlp"),
        row("OTEL_TRACES_EXPORTER", "none"),
        row("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"),
        row("OTEL_EXPORTER_OTLP_ENDPOINT", "https://collector.example:4318/"),
        row("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/prefix"),
        row("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318/custom/traces"),
        row("OTEL_EXPORTER_OTLP_ENDPOINT", "http://general:4318",
            "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://specific:4318/v1/traces"),
        row("OTEL_EXPORTER_OTLP_HEADERS", "api-key=secret,x-tenant=a%20b"),
        row("OTEL_EXPORTER_OTLP_HEADERS", "general=1", "OTEL_EXPORTER_OTLP_TRACES_HEADERS", "specific=2"),
        row("OTEL_EXPORTER_OTLP_COMPRESSION", "gzip"),
        row("OTEL_EXPORTER_OTLP_COMPRESSION", "none"),
        row("OTEL_EXPORTER_OTLP_COMPRESSION", "none", "OTEL_EXPORTER_OTLP_TRACES_COMPRESSION", "gzip"),
        row("OTEL_EXPORTER_OTLP_TIMEOUT", "5000"),
        row("OTEL_EXPORTER_OTLP_TIMEOUT", "30s"),
        row("OTEL_EXPORTER_OTLP_TIMEOUT", "1000", "OTEL_EXPORTER_OTLP_TRACES_TIMEOUT", "2m"),
        row("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        row("OTEL_TRACES_SAMPLER", "sometimes"),
        row("OTEL_TRACES_SAMPLER", "traceidratio", "OTEL_TRACES_SAMPLER_ARG", "half"),
        row("OTEL_TRACES_SAMPLER", "parentbased_traceidratio", "OTEL_TRACES_SAMPLER_ARG", "1.5"),
        row("OTEL_PROPAGATORS", "w3c"),
        row("OTEL_PROPAGATORS", "none,tracecontext"),
        row("OTEL_TRACES_EXPORTER", "otlp,jaegerx"),
        row("OTEL_TRACES_EXPORTER", "none,otlp"),
        row("OTEL_EXPORTER_OTLP_COMPRESSION", "zstd"),
        row("OTEL_EXPORTER_OTLP_TIMEOUT", "ten"),
        row("OTEL_EXPORTER_OTLP_ENDPOINT", "ftp://collector:4318"),
        row("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "not a url"),
        row("OTEL_RESOURCE_ATTRIBUTES", "novalue"),
        row("OTEL_EXPORTER_OTLP_HEADERS", "novalue"),
        row("OTEL_EXPORTER_OTLP_PROTOCOL", "http/xml"));
  }

  @ParameterizedTest
  @MethodSource("valid")
  void divakReadsTheEnvironmentAsTheSdkDoes(Map<String, String> env) {
    Sdk sdk = Sdk.configure(env);
    EnvironmentConfig config = EnvironmentConfig.read(env);

    // Service name and resource.
    assertThat(config.serviceName())
        .isEqualTo(sdk.resource.getAttribute(io.opentelemetry.api.common.AttributeKey.stringKey("service.name")));
    config.resourceAttributes().forEach((k, v) -> {
      if (!k.equals("service.name")) {
        assertThat(sdk.resource.getAttribute(io.opentelemetry.api.common.AttributeKey.stringKey(k)))
            .as(k).isEqualTo(v);
      }
    });

    // Sampler decisions, for new traces and under a remote parent of either decision.
    Divak tracer = Divak.builder().fromEnvironment(env).reporter(Reporter.inMemory()).build();
    try {
      SplittableRandom random = new SplittableRandom(16);
      for (int i = 0; i < 300; i++) {
        long high = random.nextLong();
        long low = i < 4 ? new long[] {1, -1, Long.MAX_VALUE, Long.MIN_VALUE + 1}[i] : random.nextLong();
        long spanId = random.nextLong() | 1;
        String traceId = Hex.toHex(high, low);
        assertThat(tracer.sampler().isSampled(low)).as("root %s", traceId)
            .isEqualTo(sdk.sampled(traceId, null));
        for (boolean parentSampled : new boolean[] {true, false}) {
          TraceContext parent = TraceContext.builder().traceIdHigh(high).traceId(low)
              .spanId(spanId).sampled(parentSampled).build();
          boolean divakSampled = !tracer.startSpan("n", Span.Kind.SERVER, parent).isNoop();
          assertThat(divakSampled).as("parent sampled=%s %s", parentSampled, traceId)
              .isEqualTo(sdk.sampled(traceId, SpanContext.createFromRemoteParent(traceId,
                  Hex.toHex(spanId),
                  parentSampled ? TraceFlags.getSampled() : TraceFlags.getDefault(),
                  TraceState.getDefault())));
        }
      }

      // Headers injected for the same context and baggage.
      TraceContext context = TraceContext.builder().traceIdHigh(0x0af7651916cd43ddL)
          .traceId(0x8448eb211c80319cL).spanId(0xb7ad6b7169203331L).sampled(true)
          .baggage(Baggage.builder().put("tenant", "acme corp").put("k", "v").build()).build();
      Map<String, String> divakHeaders = new TreeMap<>();
      tracer.inject(context, divakHeaders, Propagation.mapSetter());
      divakHeaders.remove("Request-Id");
      assertThat(sortBaggage(divakHeaders)).isEqualTo(sortBaggage(sdk.inject(context)));
    } finally {
      tracer.close();
    }

    // The OTLP exporter.
    if (sdk.exporter == null) {
      assertThat(config.otlpEndpoint()).isNull();
    } else {
      assertThat(config.otlpEndpoint()).isEqualTo(sdk.field("endpoint"));
      assertThat(config.otlpTimeout().toNanos()).isEqualTo(Long.parseLong(sdk.field("timeoutNanos")));
      assertThat(config.otlpGzip()).isEqualTo("gzip".equals(sdk.field("compressorEncoding")));
      // The SDK hides header values; the names must be the same.
      int start = sdk.exporterText.indexOf("headers=Headers{");
      String headers = sdk.exporterText.substring(start, sdk.exporterText.indexOf('}', start));
      for (String name : config.otlpHeaders().keySet()) assertThat(headers).contains(name + "=");
      int sdkOwn = headers.contains("User-Agent=") ? 1 : 0; // the SDK names itself
      assertThat(headers.split("=OBFUSCATED", -1).length - 1 - sdkOwn)
          .as(headers).isEqualTo(config.otlpHeaders().size());
    }
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void aMalformedValueFailsTheBuildAsItFailsTheSdk(Map<String, String> env) {
    String variable = env.keySet().stream()
        .filter(k -> !k.equals("OTEL_TRACES_SAMPLER") || env.size() == 1).findFirst().orElseThrow();
    assertThatThrownBy(() -> Sdk.configure(env)).as("the SDK fails too")
        .isInstanceOfAny(RuntimeException.class);
    assertThatThrownBy(() -> Divak.builder().fromEnvironment(env).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(variable)
        .hasMessageContaining("was");
  }

  /** What the SDK's autoconfigure made of the table row. */
  static final class Sdk {
    io.opentelemetry.sdk.trace.samplers.Sampler sampler;
    TextMapPropagator propagator;
    Resource resource;
    SpanExporter exporter;
    String exporterText;

    static Sdk configure(Map<String, String> env) {
      Sdk sdk = new Sdk();
      Map<String, String> properties = new HashMap<>();
      properties.put("otel.metrics.exporter", "none");
      properties.put("otel.logs.exporter", "none");
      // The Java SDK defaults to grpc on port 4317, which divak does not speak; divak defaults to
      // http/protobuf on 4318, as the OpenTelemetry specification recommends. The SDK is told so.
      properties.put("otel.exporter.otlp.protocol", "http/protobuf");
      env.forEach((k, v) -> properties.put(k.toLowerCase(Locale.ROOT).replace('_', '.'), v));
      AtomicReference<SpanExporter> exporter = new AtomicReference<>();
      AutoConfiguredOpenTelemetrySdk configured = AutoConfiguredOpenTelemetrySdk.builder()
          .disableShutdownHook()
          .addPropertiesSupplier(() -> properties)
          .addSamplerCustomizer((s, c) -> {
            sdk.sampler = s;
            return s;
          })
          .addResourceCustomizer((r, c) -> {
            sdk.resource = r;
            return r;
          })
          .addSpanExporterCustomizer((e, c) -> {
            exporter.set(e);
            return e;
          })
          .build();
      sdk.exporter = exporter.get();
      sdk.exporterText = sdk.exporter != null ? sdk.exporter.toString() : null;
      sdk.propagator = configured.getOpenTelemetrySdk().getPropagators().getTextMapPropagator();
      configured.getOpenTelemetrySdk().close();
      return sdk;
    }

    boolean sampled(String traceId, SpanContext parent) {
      Context context = parent == null ? Context.root()
          : Context.root().with(io.opentelemetry.api.trace.Span.wrap(parent));
      return sampler.shouldSample(context, traceId, "n", SpanKind.SERVER, Attributes.empty(),
          List.of()).getDecision() == SamplingDecision.RECORD_AND_SAMPLE;
    }

    Map<String, String> inject(TraceContext c) {
      SpanContext span = SpanContext.create(c.traceIdString(), c.spanIdString(),
          TraceFlags.getSampled(), TraceState.getDefault());
      io.opentelemetry.api.baggage.BaggageBuilder baggage =
          io.opentelemetry.api.baggage.Baggage.builder();
      c.baggage().asMap().forEach(baggage::put);
      Context context = Context.root().with(io.opentelemetry.api.trace.Span.wrap(span))
          .with(baggage.build());
      Map<String, String> headers = new TreeMap<>();
      propagator.inject(context, headers, (m, k, v) -> m.put(k, v));
      return headers;
    }

    /** A field of the exporter's toString, such as endpoint or timeoutNanos. */
    String field(String name) {
      Matcher m = Pattern.compile("[{, ]" + name + "=([^,}]*(\\{[^}]*\\})?)").matcher(exporterText);
      if (!m.find()) throw new AssertionError("no " + name + " in " + exporterText);
      return m.group(1);
    }
  }

  /** Baggage members in key order: each side may write them in its own order. */
  static Map<String, String> sortBaggage(Map<String, String> headers) {
    Map<String, String> sorted = new TreeMap<>(headers);
    sorted.computeIfPresent("baggage",
        (k, v) -> String.join(",", new java.util.TreeSet<>(List.of(v.split(",")))));
    return sorted;
  }

  static Arguments row(String... keyValues) {
    Map<String, String> env = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) env.put(keyValues[i], keyValues[i + 1]);
    return Arguments.of(env);
  }
}
