package divak.propagation;

import static divak.propagation.Peers.divakExtract;
import static divak.propagation.Peers.divakInject;
import static divak.propagation.Peers.headers;
import static org.assertj.core.api.Assertions.assertThat;

import divak.TraceContext;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** B3 in its two forms: what is read, what is ignored, and exactly what is written. */
class B3FormatsTest {
  static final String T64 = "463ac35c9f6413ad";
  static final String T128 = "80f198ee56343ba864fe8b2a57d3eff7";
  static final String S = "e457b5a2e4d86bd1";
  static final String P = "05e3ac9a4f6e3b90";

  // b3 single header

  @Test
  void single_allFields() {
    TraceContext c = single(T128 + "-" + S + "-1-" + P);

    assertThat(c.traceIdString()).isEqualTo(T128);
    assertThat(c.spanIdString()).isEqualTo(S);
    assertThat(c.parentIdString()).isEqualTo(P);
    assertThat(c.sampled()).isTrue();
  }

  @Test
  void single_64BitTraceId() {
    TraceContext c = single(T64 + "-" + S + "-0");

    assertThat(c.traceIdHigh()).isZero();
    assertThat(c.traceIdString()).as("as sent, as Zipkin stores it").isEqualTo(T64);
    assertThat(c.sampled()).isFalse();
  }

  @Test
  void single_deferred_withAndWithoutParent() {
    assertThat(single(T64 + "-" + S).sampled()).isNull();
    TraceContext c = single(T64 + "-" + S + "-" + P); // as Brave writes it
    assertThat(c.sampled()).isNull();
    assertThat(c.parentIdString()).isEqualTo(P);
  }

  @Test
  void single_debug() {
    TraceContext c = single(T64 + "-" + S + "-d-" + P);

    assertThat(c.debug()).isTrue();
    assertThat(c.sampled()).isTrue();
  }

  @Test
  void single_allZeroParentMeansNoParent() {
    assertThat(single(T64 + "-" + S + "-1-0000000000000000").parentId()).isZero();
  }

  @Test
  void single_decisionAlone() {
    assertThat(single("0").hasIds()).isFalse();
    assertThat(single("0").sampled()).isFalse();
    assertThat(single("1").sampled()).isTrue();
    assertThat(single("d").debug()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "x", "2", "D", "true", "-", "00", "01",
      T64, T64 + "-", T64 + "-" + S + "-", T64 + "-" + S + "-1-", T64 + "-" + S + "-x",
      T64 + "-" + S + "-true", T64 + "-" + S + "-11", T64 + "-" + S + "-1-" + P + "-1",
      T64 + "-" + S + "-1-" + P + "0", T64 + "-" + S + "-1-" + "5e3ac9a4f6e3b90",
      T64 + "-" + S + "-1" + P, T64 + "-" + S + "-1--" + "5e3ac9a4f6e3b90",
      "463AC35C9F6413AD-" + S + "-1", T64 + "-E457B5A2E4D86BD1-1", T64 + "-" + S + "-1-05E3AC9A4F6E3B90",
      "0000000000000000-" + S + "-1", "00000000000000000000000000000000-" + S + "-1",
      T64 + "-0000000000000000-1",
      "3c9f6413ad-" + S + "-1", T64 + "0-" + S + "-1", T128 + "0-" + S + "-1",
      "0f198ee56343ba864fe8b2a57d3eff7" + "-" + S + "-1", T64 + "-" + "457b5a2e4d86bd1" + "-1", T64 + "-" + S + "0-1",
      T64 + "_" + S + "-1", T64 + "-" + S + "_1", " " + T64 + "-" + S + "-1",
      T64 + "-" + S + "-1," + T64 + "-" + S + "-1", T64 + "-" + S + "-1-" + P + "," + "1",
  })
  void single_malformedIsIgnored(String b3) {
    assertThat(divakExtract(Propagation.b3Single(), headers("b3", b3))).isNull();
  }

  @Test
  void single_hugeValueIsIgnored() {
    assertThat(single(T64 + "-" + S + "-1-" + P + "-".repeat(100_000))).isNull();
  }

  @Test
  void single_inject() {
    TraceContext.Builder b = TraceContext.builder().traceId(0x463ac35c9f6413adL)
        .spanId(0xe457b5a2e4d86bd1L);

    assertThat(writeSingle(b.sampled(true).build())).isEqualTo(T64 + "-" + S + "-1");
    assertThat(writeSingle(b.sampled(false).build())).isEqualTo(T64 + "-" + S + "-0");
    assertThat(writeSingle(b.sampled(null).build())).isEqualTo(T64 + "-" + S);
    b.parentId(0x05e3ac9a4f6e3b90L);
    assertThat(writeSingle(b.sampled(true).build())).isEqualTo(T64 + "-" + S + "-1-" + P);
    assertThat(writeSingle(b.sampled(null).build())).isEqualTo(T64 + "-" + S + "-" + P);
    assertThat(writeSingle(b.debug(true).build())).isEqualTo(T64 + "-" + S + "-d-" + P);
    assertThat(writeSingle(b.traceIdHigh(0x80f198ee56343ba8L).traceId(0x64fe8b2a57d3eff7L).build()))
        .isEqualTo(T128 + "-" + S + "-d-" + P);
    assertThat(writeSingle(TraceContext.builder().sampled(false).build())).isEqualTo("0");
    assertThat(divakInject(Propagation.b3Single(), TraceContext.builder().build())).isEmpty();
  }

  // B3 multi-header

  @Test
  void multi_allFields() {
    TraceContext c = multi("X-B3-TraceId", T128, "X-B3-SpanId", S, "X-B3-ParentSpanId", P,
        "X-B3-Sampled", "1");

    assertThat(c.traceIdString()).isEqualTo(T128);
    assertThat(c.spanIdString()).isEqualTo(S);
    assertThat(c.parentIdString()).isEqualTo(P);
    assertThat(c.sampled()).isTrue();
  }

  @Test
  void multi_namesAreCaseInsensitive() {
    TraceContext c = multi("x-b3-traceid", T64, "X-B3-SPANID", S, "x-b3-sampled", "0");

    assertThat(c.traceId()).isEqualTo(0x463ac35c9f6413adL);
    assertThat(c.sampled()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "TRUE", "True"})
  void multi_sampledTrueFromOldClients(String sampled) {
    assertThat(multi("X-B3-TraceId", T64, "X-B3-SpanId", S, "X-B3-Sampled", sampled).sampled())
        .isTrue();
  }

  @Test
  void multi_sampledFalseFromOldClients() {
    assertThat(multi("X-B3-TraceId", T64, "X-B3-SpanId", S, "X-B3-Sampled", "false").sampled())
        .isFalse();
  }

  @Test
  void multi_flagsOneIsDebugAndOverridesSampled() {
    TraceContext c = multi("X-B3-TraceId", T64, "X-B3-SpanId", S, "X-B3-Sampled", "0",
        "X-B3-Flags", "1");

    assertThat(c.debug()).isTrue();
    assertThat(c.sampled()).isTrue();
  }

  @Test
  void multi_otherFlagsAreIgnored() {
    TraceContext c = multi("X-B3-TraceId", T64, "X-B3-SpanId", S, "X-B3-Flags", "2");

    assertThat(c.debug()).isFalse();
    assertThat(c.sampled()).isNull();
  }

  @Test
  void multi_decisionWithoutTraceId() {
    assertThat(multi("X-B3-Sampled", "0").sampled()).isFalse();
    assertThat(multi("X-B3-Sampled", "0").hasIds()).isFalse();
    assertThat(multi("X-B3-Flags", "1").debug()).isTrue();
    assertThat(multi("X-B3-SpanId", S, "X-B3-Sampled", "1").hasIds()).isFalse();
    assertThat(multi("X-B3-SpanId", S)).isNull();
  }

  @Test
  void multi_allZeroParentMeansNoParent() {
    assertThat(multi("X-B3-TraceId", T64, "X-B3-SpanId", S, "X-B3-ParentSpanId",
        "0000000000000000").parentId()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "traceId=", "traceId=3c9f6413ad", "traceId=463AC35C9F6413AD", "traceId=0000000000000000",
      "traceId=00000000000000000000000000000000", "traceId=" + T64 + "0", "traceId=" + T128 + "0",
      "traceId=" + T64 + "," + T64, "traceId= " + T64,
      "spanId=", "spanId=1d1a96d312", "spanId=E457B5A2E4D86BD1", "spanId=0000000000000000",
      "spanId=" + S + "0", "spanId=" + S + "," + S, "spanId=absent",
      "parent=", "parent=zz", "parent=05E3AC9A4F6E3B90", "parent=" + P + "0", "parent=e3ac9a4f6e3b90",
      "sampled=", "sampled=2", "sampled=d", "sampled=yes", "sampled=01", "sampled=1,1", "sampled= 1",
  })
  void multi_malformedDiscardsTheSet(String change) {
    Map<String, String> h = headers("X-B3-TraceId", T64, "X-B3-SpanId", S, "X-B3-Sampled", "1");
    String field = change.substring(0, change.indexOf('='));
    String value = change.substring(change.indexOf('=') + 1);
    switch (field) {
      case "traceId": h.put("X-B3-TraceId", value); break;
      case "spanId": if (value.equals("absent")) h.remove("X-B3-SpanId"); else h.put("X-B3-SpanId", value); break;
      case "parent": h.put("X-B3-ParentSpanId", value); break;
      default: h.put("X-B3-Sampled", value); break;
    }

    assertThat(divakExtract(Propagation.b3(), h)).isNull();
  }

  @Test
  void multi_inject() {
    TraceContext.Builder b = TraceContext.builder().traceId(0x463ac35c9f6413adL)
        .spanId(0xe457b5a2e4d86bd1L);

    assertThat(divakInject(Propagation.b3(), b.sampled(true).build())).containsExactly(
        Map.entry("X-B3-TraceId", T64), Map.entry("X-B3-SpanId", S),
        Map.entry("X-B3-Sampled", "1"));
    assertThat(divakInject(Propagation.b3(), b.sampled(null).build())).containsExactly(
        Map.entry("X-B3-TraceId", T64), Map.entry("X-B3-SpanId", S));
    b.parentId(0x05e3ac9a4f6e3b90L).traceIdHigh(0x80f198ee56343ba8L).traceId(0x64fe8b2a57d3eff7L);
    assertThat(divakInject(Propagation.b3(), b.sampled(false).build())).containsExactly(
        Map.entry("X-B3-TraceId", T128), Map.entry("X-B3-SpanId", S),
        Map.entry("X-B3-ParentSpanId", P), Map.entry("X-B3-Sampled", "0"));
    assertThat(divakInject(Propagation.b3(), b.debug(true).build())).containsExactly(
        Map.entry("X-B3-TraceId", T128), Map.entry("X-B3-SpanId", S),
        Map.entry("X-B3-ParentSpanId", P), Map.entry("X-B3-Flags", "1"));
    assertThat(divakInject(Propagation.b3(), TraceContext.builder().sampled(false).build()))
        .containsExactly(Map.entry("X-B3-Sampled", "0"));
  }

  @Test
  void multi_aChildWritesTheStringsItsParentWasSent() {
    Map<String, String> in = headers("X-B3-TraceId", T128, "X-B3-SpanId", S, "X-B3-Sampled", "1");
    TraceContext parent = divakExtract(Propagation.b3(), in);
    TraceContext child = parent.toBuilder().parentId(parent.spanId()).spanId(0x1L).build();

    Map<String, String> out = divakInject(Propagation.b3(), child);

    assertThat(out).containsExactly(Map.entry("X-B3-TraceId", T128),
        Map.entry("X-B3-SpanId", "0000000000000001"), Map.entry("X-B3-ParentSpanId", S),
        Map.entry("X-B3-Sampled", "1"));
    assertThat(out.get("X-B3-TraceId")).as("not formatted again").isSameAs(in.get("X-B3-TraceId"));
    assertThat(out.get("X-B3-ParentSpanId")).isSameAs(in.get("X-B3-SpanId"));
  }

  @Test
  void multi_a128BitTraceIdWithAZeroUpperHalfIsWrittenAs16Digits() {
    TraceContext c = multi("X-B3-TraceId", "0000000000000000" + T64, "X-B3-SpanId", S);

    assertThat(c.traceIdString()).isEqualTo(T64);
    assertThat(divakInject(Propagation.b3(), c)).containsEntry("X-B3-TraceId", T64);
  }

  @Test
  void multi_aContextRebuiltWithOtherIdsWritesThoseIds() {
    TraceContext c = multi("X-B3-TraceId", T128, "X-B3-SpanId", S, "X-B3-ParentSpanId", P);
    TraceContext other = c.toBuilder().traceIdHigh(0).traceId(0x463ac35c9f6413adL)
        .parentId(0x2L).spanId(0x1L).build();

    assertThat(divakInject(Propagation.b3(), other)).containsExactly(
        Map.entry("X-B3-TraceId", T64), Map.entry("X-B3-SpanId", "0000000000000001"),
        Map.entry("X-B3-ParentSpanId", "0000000000000002"));
    assertThat(divakInject(Propagation.b3(), c.toBuilder().parentId(0).build()))
        .doesNotContainKey("X-B3-ParentSpanId").containsEntry("X-B3-SpanId", S);
  }

  @Test
  void factoriesReturnNamedSingletons() {
    assertThat(Propagation.b3()).isSameAs(Propagation.b3()).hasToString("Propagation.b3()");
    assertThat(Propagation.b3Single()).isSameAs(Propagation.b3Single())
        .hasToString("Propagation.b3Single()");
  }

  @Test
  void aFailingGetterIsAnAbsentHeader() {
    Propagation.Getter<Object> failing = (carrier, name) -> {
      throw new IllegalStateException("boom");
    };
    for (Propagation p : new Propagation[] {Propagation.w3c(), Propagation.b3(), Propagation.b3Single()}) {
      assertThat(p.extract(new Object(), failing)).isNull();
    }
  }

  static TraceContext single(String b3) {
    return divakExtract(Propagation.b3Single(), headers("b3", b3));
  }

  static TraceContext multi(String... namesAndValues) {
    return divakExtract(Propagation.b3(), headers(namesAndValues));
  }

  static String writeSingle(TraceContext c) {
    return divakInject(Propagation.b3Single(), c).get("b3");
  }
}
