package divak.propagation;

import static divak.propagation.Peers.*;
import static org.assertj.core.api.Assertions.assertThat;

import brave.propagation.TraceContextOrSamplingFlags;
import divak.internal.Hex;
import divak.TraceContext;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Interoperability, with Brave and OpenTelemetry as oracles: for random contexts (64- and 128-bit
 * trace ids, with and without a parent, sampled, unsampled, deferred and debug), what a peer
 * writes divak reads to the same ids and decision, and what divak writes the peer reads so.
 */
class InteropPropertyTest {

  @Provide
  Arbitrary<TraceContext> contexts() {
    Arbitrary<Long> nonZero = Arbitraries.longs().filter(v -> v != 0);
    Arbitrary<Long> maybeZero = Arbitraries.oneOf(Arbitraries.just(0L), nonZero);
    Arbitrary<Integer> decision = Arbitraries.integers().between(0, 3);
    return Combinators.combine(maybeZero, nonZero, maybeZero, nonZero, decision)
        .as((high, low, parent, span, d) -> {
          TraceContext.Builder b = TraceContext.builder()
              .traceIdHigh(high).traceId(low).parentId(parent).spanId(span);
          switch (d) {
            case 1: return b.sampled(true).build();
            case 2: return b.sampled(false).build();
            case 3: return b.debug(true).build();
            default: return b.build(); // deferred
          }
        });
  }

  /** Contexts as a divak service injects them: always with a decision. */
  @Provide
  Arbitrary<TraceContext> decided() {
    return contexts().filter(c -> c.sampled() != null);
  }

  // Brave writes, divak reads

  @Property
  @Label("Brave B3 multi-header -> divak")
  void braveMultiToDivak(@ForAll("contexts") TraceContext c) {
    assertSameAsDivak(c, divakExtract(Propagation.b3(), braveInject(BRAVE_B3_MULTI, c)));
  }

  @Property
  @Label("Brave b3 single header -> divak")
  void braveSingleToDivak(@ForAll("contexts") TraceContext c) {
    assertSameAsDivak(c, divakExtract(Propagation.b3Single(), braveInject(BRAVE_B3_SINGLE, c)));
  }

  // divak writes, Brave reads

  @Property
  @Label("divak B3 multi-header -> Brave")
  void divakMultiToBrave(@ForAll("contexts") TraceContext c) {
    assertSameAsBrave(c, braveExtract(divakInject(Propagation.b3(), c)));
  }

  @Property
  @Label("divak b3 single header -> Brave")
  void divakSingleToBrave(@ForAll("contexts") TraceContext c) {
    TraceContextOrSamplingFlags read = braveExtract(divakInject(Propagation.b3Single(), c));
    assertSameAsBrave(c, read);
  }

  // OpenTelemetry writes, divak reads

  @Property
  @Label("OpenTelemetry traceparent -> divak")
  void otelW3CToDivak(@ForAll("decided") TraceContext c) {
    assertSameIdsAsOtel(toOtel(c), divakExtract(Propagation.w3c(), otelInject(OTEL_W3C, c)));
  }

  @Property
  @Label("OpenTelemetry B3 multi-header -> divak")
  void otelMultiToDivak(@ForAll("decided") TraceContext c) {
    assertSameIdsAsOtel(toOtel(c), divakExtract(Propagation.b3(), otelInject(OTEL_B3_MULTI, c)));
  }

  @Property
  @Label("OpenTelemetry b3 single header -> divak")
  void otelSingleToDivak(@ForAll("decided") TraceContext c) {
    assertSameIdsAsOtel(toOtel(c),
        divakExtract(Propagation.b3Single(), otelInject(OTEL_B3_SINGLE, c)));
  }

  // divak writes, OpenTelemetry reads

  @Property
  @Label("divak traceparent -> OpenTelemetry")
  void divakW3CToOtel(@ForAll("decided") TraceContext c) {
    assertSameIdsAsOtel(otelExtract(OTEL_W3C, divakInject(Propagation.w3c(), c)), c);
  }

  @Property
  @Label("divak B3 multi-header -> OpenTelemetry")
  void divakMultiToOtel(@ForAll("decided") TraceContext c) {
    assertSameIdsAsOtel(otelExtract(OTEL_B3_MULTI, divakInject(Propagation.b3(), c)), c);
  }

  @Property
  @Label("divak b3 single header -> OpenTelemetry")
  void divakSingleToOtel(@ForAll("decided") TraceContext c) {
    assertSameIdsAsOtel(otelExtract(OTEL_B3_SINGLE, divakInject(Propagation.b3Single(), c)), c);
  }

  /**
   * OpenTelemetry keeps B3 debug in its context, not in the span context: divak's debug survives a
   * trip through OpenTelemetry in both B3 forms.
   */
  @Property(tries = 200)
  @Label("debug: divak -> OpenTelemetry -> divak")
  void debugThroughOtel(@ForAll("decided") TraceContext c) {
    TraceContext debug = c.toBuilder().debug(true).build();
    for (Propagation divakFormat : new Propagation[] {Propagation.b3(), Propagation.b3Single()}) {
      Context otel = otelExtractContext(OTEL_B3_SINGLE, divakInject(divakFormat, debug));
      assertThat(divakExtract(Propagation.b3Single(), otelInject(OTEL_B3_SINGLE, otel)).debug())
          .isTrue();
      assertThat(divakExtract(Propagation.b3(), otelInject(OTEL_B3_MULTI, otel)).debug()).isTrue();
    }
  }

  @Property(tries = 200)
  @Label("tracestate: OpenTelemetry -> divak -> OpenTelemetry, unchanged")
  void traceStateThroughDivak(@ForAll("decided") TraceContext c) {
    Map<String, String> in = otelInject(OTEL_W3C, c);
    in.put("tracestate", "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7");
    TraceContext read = divakExtract(Propagation.w3c(), in);
    assertThat(read.traceState()).isEqualTo("congo=t61rcWkgMzE,rojo=00f067aa0ba902b7");

    Map<String, String> out = divakInject(Propagation.w3c(), read);
    assertThat(out).containsEntry("tracestate", "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7");
    assertThat(otelExtract(OTEL_W3C, out).getTraceState().get("rojo")).isEqualTo("00f067aa0ba902b7");
  }

  static void assertSameAsDivak(TraceContext written, TraceContext read) {
    assertThat(read).isNotNull();
    assertThat(read.traceIdHigh()).isEqualTo(written.traceIdHigh());
    assertThat(read.traceId()).isEqualTo(written.traceId());
    assertThat(read.spanId()).isEqualTo(written.spanId());
    assertThat(read.parentId()).isEqualTo(written.parentId());
    assertThat(read.sampled()).isEqualTo(written.sampled());
    assertThat(read.debug()).isEqualTo(written.debug());
  }

  static void assertSameAsBrave(TraceContext written, TraceContextOrSamplingFlags read) {
    brave.propagation.TraceContext b = read.context();
    assertThat(b).as("Brave read %s", read).isNotNull();
    assertThat(b.traceIdHigh()).isEqualTo(written.traceIdHigh());
    assertThat(b.traceId()).isEqualTo(written.traceId());
    assertThat(b.spanId()).isEqualTo(written.spanId());
    assertThat(b.parentIdAsLong()).isEqualTo(written.parentId());
    assertThat(b.sampled()).isEqualTo(written.sampled());
    assertThat(b.debug()).isEqualTo(written.debug());
  }

  static void assertSameIdsAsOtel(SpanContext otel, TraceContext divak) {
    assertThat(otel.isValid()).as("OpenTelemetry read a context").isTrue();
    assertThat(divak).isNotNull();
    // OpenTelemetry writes a 64-bit trace id as 32 digits; divak as 16, as Zipkin stores it.
    assertThat(Hex.toHex(divak.traceIdHigh(), divak.traceId())).isEqualTo(otel.getTraceId());
    assertThat(divak.spanIdString()).isEqualTo(otel.getSpanId());
    assertThat(divak.isSampled()).isEqualTo(otel.isSampled());
  }
}
