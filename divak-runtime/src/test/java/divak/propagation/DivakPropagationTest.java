package divak.propagation;

import static divak.propagation.Peers.headers;
import static org.assertj.core.api.Assertions.assertThat;

import divak.Divak;
import divak.Span;
import divak.TraceContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The formats as a service configures them: extraction order, injection of all, the default. */
class DivakPropagationTest {
  static final String TP = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
  static final String B3 = "463ac35c9f6413ad-a2fb4a1d1a96d312-0";

  static Divak divak(Propagation first, Propagation... more) {
    return Divak.builder().serviceName("test").propagation(first, more).build();
  }

  static TraceContext extract(Divak divak, Map<String, String> headers) {
    return divak.extract(headers, Propagation.mapGetter());
  }

  @Test
  void extraction_firstFormatWithIdsWins() {
    Map<String, String> both = headers("traceparent", TP, "b3", B3);

    assertThat(extract(divak(Propagation.b3Single(), Propagation.w3c()), both).traceIdString())
        .isEqualTo("463ac35c9f6413ad");
    assertThat(extract(divak(Propagation.w3c(), Propagation.b3Single()), both).traceIdString())
        .isEqualTo("0af7651916cd43dd8448eb211c80319c");
  }

  @Test
  void extraction_malformedFirstFormatFallsThrough() {
    Map<String, String> headers = headers("traceparent", "ff" + TP.substring(2), "b3", B3);

    assertThat(extract(divak(Propagation.w3c(), Propagation.b3Single()), headers).traceId())
        .isEqualTo(0x463ac35c9f6413adL);
  }

  @Test
  void extraction_idsLaterBeatADecisionAlone() {
    Map<String, String> headers = headers("b3", "0", "traceparent", TP);

    TraceContext c = extract(divak(Propagation.b3Single(), Propagation.w3c()), headers);
    assertThat(c.traceIdString()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(c.sampled()).isTrue();
  }

  @Test
  void extraction_aDecisionAloneIsKept() {
    TraceContext c = extract(divak(Propagation.b3Single(), Propagation.w3c()), headers("b3", "0"));

    assertThat(c.hasIds()).isFalse();
    assertThat(c.sampled()).isFalse();
  }

  @Test
  void extraction_nothingGivesAContextWithoutIds() {
    TraceContext c = extract(divak(Propagation.w3c()), headers("b3", B3));

    assertThat(c.hasIds()).isFalse();
    assertThat(c.sampled()).isNull();
  }

  @Test
  void injection_writesEveryFormat() {
    Divak divak = divak(Propagation.b3(), Propagation.w3c(), Propagation.b3Single());
    TraceContext c = extract(divak, headers("traceparent", TP, "tracestate", "a=1"));

    Map<String, String> out = new LinkedHashMap<>();
    divak.inject(c, out, Propagation.mapSetter());

    assertThat(out).containsOnlyKeys("X-B3-TraceId", "X-B3-SpanId", "X-B3-Sampled", "traceparent",
        "tracestate", "b3", "Request-Id");
    assertThat(out).containsEntry("traceparent", TP).containsEntry("tracestate", "a=1")
        .containsEntry("b3", "0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-1");
  }

  @Test
  void aServerSpanIsAChildOfTheExtractedContext() {
    Divak divak = divak(Propagation.w3c());
    TraceContext incoming = extract(divak, headers("traceparent", TP));

    TraceContext server = divak.startSpan("GET /", Span.Kind.SERVER, incoming).context();

    assertThat(server.traceIdString()).isEqualTo(incoming.traceIdString());
    assertThat(server.parentId()).isEqualTo(incoming.spanId());
    assertThat(server.spanId()).isNotEqualTo(incoming.spanId()).isNotZero();
  }

  @Test
  void defaultIsW3CThenB3() {
    Divak divak = Divak.builder().serviceName("test").build();
    Map<String, String> both = headers("traceparent", TP, "X-B3-TraceId", "463ac35c9f6413ad",
        "X-B3-SpanId", "a2fb4a1d1a96d312", "b3", B3);

    assertThat(extract(divak, both).traceIdString()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    both.remove("traceparent");
    assertThat(extract(divak, both).traceId()).isEqualTo(0x463ac35c9f6413adL);
    TraceContext single = extract(divak, headers("b3", B3));
    assertThat(single.traceIdString()).as("b3 single is read by default, as Brave and OpenTelemetry do")
        .isEqualTo("463ac35c9f6413ad");
    assertThat(single.sampled()).isFalse();
    TraceContext decisionOnly = extract(divak, headers("b3", "0"));
    assertThat(decisionOnly.hasIds()).isFalse();
    assertThat(decisionOnly.sampled()).as("b3: 0 is honoured").isFalse();
    Map<String, String> downstream = new LinkedHashMap<>();
    divak.inject(divak.startSpan("call", Span.Kind.CLIENT, decisionOnly).context(), downstream,
        Propagation.mapSetter());
    assertThat(downstream).containsEntry("X-B3-Sampled", "0").containsEntry("traceparent",
        "00-" + downstream.get("X-B3-TraceId") + "-" + downstream.get("X-B3-SpanId") + "-00");

    Map<String, String> out = new LinkedHashMap<>();
    divak.inject(extract(divak, headers("traceparent", TP)), out, Propagation.mapSetter());
    assertThat(out).containsKeys("traceparent", "X-B3-TraceId", "X-B3-SpanId", "X-B3-Sampled")
        .doesNotContainKey("b3");
  }
}
