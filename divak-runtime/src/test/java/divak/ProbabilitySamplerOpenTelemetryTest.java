package divak;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** divak and OpenTelemetry services make the same decision for one trace. */
class ProbabilitySamplerOpenTelemetryTest {

  @Property(tries = 5000)
  void decidesExactlyAsTraceIdRatioBased(@ForAll long traceIdHigh, @ForAll long traceIdLow,
      @ForAll("rates") double rate) {
    String traceId = divak.internal.Hex.toHex(traceIdHigh, traceIdLow);
    io.opentelemetry.sdk.trace.samplers.Sampler otel =
        io.opentelemetry.sdk.trace.samplers.Sampler.traceIdRatioBased(rate);
    boolean otelSampled = otel.shouldSample(Context.root(), traceId, "span", SpanKind.SERVER,
        Attributes.empty(), List.of()).getDecision() == SamplingDecision.RECORD_AND_SAMPLE;

    assertThat(Sampler.probability(rate).isSampled(traceIdLow)).isEqualTo(otelSampled);
  }

  @Provide
  Arbitrary<Double> rates() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().between(0.0, 1.0),
        Arbitraries.of(0.0, 1.0, 0.5, 0.001, 0.999999, Double.MIN_VALUE));
  }
}
