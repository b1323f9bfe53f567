package divak.report;

import static org.assertj.core.api.Assertions.assertThat;

import divak.Span;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Whatever the span holds, divak's OTLP bytes decode with the real protobuf classes to the same
 * request as the OpenTelemetry SDK's own exporter writes for that span: ids, name, kind, times,
 * typed attributes under the HTTP conventions, events, exception event, status, flags, resource
 * and scope, field by field.
 */
class OtlpProtobufPropertyTest {

  /** A span and the types its tags had. */
  record Case(SpanData span, Map<String, SdkSpans.Type> types) {
    @Override
    public String toString() {
      return span + " tags=" + span.tags + " types=" + types;
    }
  }

  @Property(tries = 1000)
  void decodesToWhatTheSdkExporterSends(@ForAll("cases") Case c) throws Exception {
    byte[] divak = OtlpProtobuf.request(List.of(OtlpProtobuf.encodeQueued(c.span())),
        OtlpProtobuf.resourceAttributes(Map.of()));
    byte[] sdk = SdkSpans.sdkRequest(List.of(SdkSpans.of(c.span(), c.types())));

    assertSameRequest(ExportTraceServiceRequest.parseFrom(divak),
        ExportTraceServiceRequest.parseFrom(sdk));
  }

  @Property(tries = 200)
  void aBatchGroupsSpansByServiceInOrder(@ForAll("cases") Case a, @ForAll("cases") Case b,
      @ForAll("cases") Case c) throws Exception {
    SpanData sameService = b.span().copy().serviceName(a.span().serviceName);
    List<byte[]> queued = List.of(OtlpProtobuf.encodeQueued(a.span()),
        OtlpProtobuf.encodeQueued(sameService), OtlpProtobuf.encodeQueued(c.span()));
    ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(
        OtlpProtobuf.request(queued, OtlpProtobuf.resourceAttributes(Map.of())));

    Map<String, List<String>> expected = new LinkedHashMap<>();
    for (SpanData each : List.of(a.span(), sameService, c.span())) {
      String service = each.serviceName == null ? "" : each.serviceName;
      expected.computeIfAbsent(service, k -> new ArrayList<>())
          .add(each.context().spanIdString());
    }
    Map<String, List<String>> actual = new LinkedHashMap<>();
    for (ResourceSpans rs : request.getResourceSpansList()) {
      String service = attributes(rs.getResource().getAttributesList()).get("service.name")
          .getStringValue();
      assertThat(actual).doesNotContainKey(service);
      actual.put(service, rs.getScopeSpans(0).getSpansList().stream()
          .map(s -> divak.internal.Hex.toHex(s.getSpanId().asReadOnlyByteBuffer().getLong()))
          .collect(Collectors.toList()));
    }
    assertThat(actual).containsExactlyEntriesOf(expected);
  }

  @Property(tries = 300)
  void aLoneSurrogateBecomesTheReplacementCharacter(@ForAll("text") String before,
      @ForAll("loneSurrogate") char lone) throws Exception {
    String value = before + "|" + lone + "|";
    SpanData span = SpanData.span().ids(0, 1, 0, 2).name(value).tag("k", value);
    ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(OtlpProtobuf.request(
        List.of(OtlpProtobuf.encodeQueued(span)), OtlpProtobuf.resourceAttributes(Map.of())));

    io.opentelemetry.proto.trace.v1.Span decoded =
        request.getResourceSpans(0).getScopeSpans(0).getSpans(0);
    assertThat(decoded.getName()).isEqualTo(Zipkin2Spans.wellFormed(value)).contains("\uFFFD");
    assertThat(decoded.getAttributes(0).getValue().getStringValue())
        .isEqualTo(Zipkin2Spans.wellFormed(value));
  }

  static void assertSameRequest(ExportTraceServiceRequest divak, ExportTraceServiceRequest sdk) {
    assertThat(divak.getResourceSpansCount()).isEqualTo(1);
    assertThat(sdk.getResourceSpansCount()).isEqualTo(1);
    ResourceSpans d = divak.getResourceSpans(0);
    ResourceSpans s = sdk.getResourceSpans(0);
    assertThat(attributes(d.getResource().getAttributesList()))
        .isEqualTo(attributes(s.getResource().getAttributesList()));
    assertThat(d.getScopeSpansCount()).isEqualTo(1);
    ScopeSpans ds = d.getScopeSpans(0);
    ScopeSpans ss = s.getScopeSpans(0);
    assertThat(ds.getScope()).isEqualTo(ss.getScope());
    assertThat(ds.getSchemaUrl()).isEqualTo(ss.getSchemaUrl());
    assertThat(ds.getSpansCount()).isEqualTo(ss.getSpansCount());
    for (int i = 0; i < ds.getSpansCount(); i++) {
      assertSameSpan(ds.getSpans(i), ss.getSpans(i));
    }
  }

  static void assertSameSpan(io.opentelemetry.proto.trace.v1.Span divak,
      io.opentelemetry.proto.trace.v1.Span sdk) {
    assertThat(divak.toBuilder().clearAttributes().clearEvents().clearStatus().build())
        .isEqualTo(sdk.toBuilder().clearAttributes().clearEvents().clearStatus().build());
    assertThat(divak.getStatus()).isEqualTo(sdk.getStatus());
    assertThat(attributes(divak.getAttributesList())).isEqualTo(attributes(sdk.getAttributesList()));
    assertThat(divak.getEventsCount()).isEqualTo(sdk.getEventsCount());
    for (int i = 0; i < divak.getEventsCount(); i++) {
      var de = divak.getEvents(i);
      var se = sdk.getEvents(i);
      assertThat(de.getName()).isEqualTo(se.getName());
      assertThat(de.getTimeUnixNano()).isEqualTo(se.getTimeUnixNano());
      assertThat(attributes(de.getAttributesList())).isEqualTo(attributes(se.getAttributesList()));
    }
  }

  /** Attributes by key: the SDK sorts them, divak writes them in the span's order. */
  static Map<String, AnyValue> attributes(List<KeyValue> list) {
    Map<String, AnyValue> map = new HashMap<>();
    for (KeyValue kv : list) {
      assertThat(map.put(kv.getKey(), kv.getValue())).as("duplicate key %s", kv.getKey()).isNull();
    }
    return map;
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Long> nonZero = Arbitraries.longs().filter(v -> v != 0);
    Arbitrary<Long> micros = Arbitraries.longs().between(0, 4_102_444_800_000_000L); // to 2100
    // Generated values are reused by jqwik (edge cases, shrinking): every span is made afresh
    // from immutable parts, never mutated after it is made.
    Arbitrary<long[]> ids = Combinators.combine(Arbitraries.longs(), nonZero,
            Arbitraries.longs(), nonZero)
        .as((high, low, parent, id) -> new long[] {high, low, parent, id});
    Arbitrary<String> states = Arbitraries.of("a=1", "vendor@x=b-2,c=3").injectNull(0.7);
    Arbitrary<List<Object[]>> tags = tag().list().ofMaxSize(8);
    Arbitrary<List<Map.Entry<Long, String>>> annotations =
        Combinators.combine(micros, text()).as(Map::entry).list().ofMaxSize(4);
    Arbitrary<Object> error = Arbitraries.oneOf(
        Arbitraries.just("none"),
        Arbitraries.just("status"),
        text().map(t -> "tag:" + t),
        text().injectNull(0.3).map(m -> new IllegalStateException(m)));
    Arbitrary<Object[]> head = Combinators.combine(ids, states,
            Arbitraries.of(Span.Kind.class).injectNull(0.3), text(), text().injectNull(0.1),
            micros, micros)
        .as((id, state, kind, name, serviceName, timestamp, duration) ->
            new Object[] {id, state, kind, name, serviceName, timestamp, duration});
    return Combinators.combine(head, tags, annotations, error)
        .as((h, tagList, annotationList, e) -> {
          long[] id = (long[]) h[0];
          SpanData span = SpanData.span().ids(id[0], id[1], id[2], id[3])
              .traceState((String) h[1]).kind((Span.Kind) h[2]).name((String) h[3])
              .serviceName((String) h[4]).timestamp((Long) h[5]).duration((Long) h[6]);
          Map<String, SdkSpans.Type> types = new HashMap<>();
          for (Object[] t : tagList) {
            String key = (String) t[0];
            if (span.tag(key) != null) continue; // a span keeps one value per key
            span.tag(key, (String) t[1]);
            types.put(key, (SdkSpans.Type) t[2]);
          }
          annotationList.forEach(a -> span.annotate(a.getKey(), a.getValue()));
          withError(span, types, e);
          return new Case(span, types);
        });
  }

  private static void withError(SpanData span, Map<String, SdkSpans.Type> types, Object error) {
    if (error instanceof Throwable) {
      span.error((Throwable) error);
    } else if (error.equals("status") && span.tag("http.status_code") == null) {
      span.tag("http.status_code", "503").tag("error", "503");
      types.put("http.status_code", SdkSpans.Type.LONG);
    } else if (error instanceof String && ((String) error).startsWith("tag:")) {
      span.tag("error", ((String) error).substring(4));
    }
  }

  /** A tag: key, value as a span holds it, and the type it was given as. */
  Arbitrary<Object[]> tag() {
    Arbitrary<String> userKey = text().map(t -> "k." + t);
    Arbitrary<Object[]> strings = Combinators.combine(userKey, text())
        .as((k, v) -> new Object[] {k, "s" + v, SdkSpans.Type.STRING});
    Arbitrary<Object[]> longs = Combinators.combine(userKey, Arbitraries.longs())
        .as((k, v) -> new Object[] {k, Long.toString(v), SdkSpans.Type.LONG});
    Arbitrary<Object[]> doubles = Combinators.combine(userKey,
            Arbitraries.doubles().filter(d -> !Double.isNaN(d) && !Double.isInfinite(d)))
        .as((k, v) -> new Object[] {k, Double.toString(v), SdkSpans.Type.DOUBLE});
    Arbitrary<Object[]> booleans = Combinators.combine(userKey, Arbitraries.of(true, false))
        .as((k, v) -> new Object[] {k, Boolean.toString(v), SdkSpans.Type.BOOLEAN});
    Arbitrary<Object[]> http = Arbitraries.oneOf(
        Arbitraries.of("GET", "POST", "DELETE").map(m -> new Object[] {"http.method", m, SdkSpans.Type.STRING}),
        text().map(p -> new Object[] {"http.path", "/" + p, SdkSpans.Type.STRING}),
        text().map(p -> new Object[] {"http.route", "/" + p + "/{id}", SdkSpans.Type.STRING}),
        text().map(p -> new Object[] {"http.url", "http://h/" + p, SdkSpans.Type.STRING}),
        Arbitraries.of("example.com", "127.0.0.1").map(h -> new Object[] {"http.host", h, SdkSpans.Type.STRING}),
        Arbitraries.integers().between(100, 599).map(s -> new Object[] {"http.status_code", Integer.toString(s), SdkSpans.Type.LONG}));
    return Arbitraries.frequencyOf(Tuple.of(3, strings), Tuple.of(1, longs), Tuple.of(1, doubles),
        Tuple.of(1, booleans), Tuple.of(3, http));
  }

  /** Well-formed strings of any characters, including large ones. */
  @Provide
  Arbitrary<String> text() {
    Arbitrary<String> nasty = Arbitraries.of("\"", "\\", "\n", "\u0000", "é", "€", "中文",
        "\uD83D\uDE00", "\uD83D\uDC69\u200D\uD83D\uDCBB", "\uDBFF\uDFFF", "İ", "GET", " ", "");
    Arbitrary<String> anyChar = Arbitraries.chars().all().map(String::valueOf);
    Arbitrary<String> large = Arbitraries.strings().ofMinLength(200).ofMaxLength(20_000);
    return Arbitraries.frequencyOf(Tuple.of(4, nasty), Tuple.of(2, anyChar),
            Tuple.of(2, Arbitraries.strings().ascii().ofMaxLength(6)))
        .list().ofMaxSize(8)
        .map(parts -> String.join("", parts))
        .flatMap(s -> Arbitraries.frequencyOf(Tuple.of(30, Arbitraries.just(s)), Tuple.of(1, large)))
        .map(Zipkin2Spans::wellFormed);
  }

  @Provide
  Arbitrary<Character> loneSurrogate() {
    return Arbitraries.chars().range('\uD800', '\uDFFF');
  }
}
