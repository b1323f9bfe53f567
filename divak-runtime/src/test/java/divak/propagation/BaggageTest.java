package divak.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import divak.Divak;
import divak.Operation;
import divak.Span;
import divak.TraceContext;
import divak.report.InMemoryReporter;
import divak.report.Reporter;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * W3C baggage: interop with OpenTelemetry's {@code W3CBaggagePropagator} both ways, the spec's
 * limits, hostile headers, and the way from an incoming request to the application, the span and
 * the outgoing call.
 */
class BaggageTest {
  static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  };

  @Property(tries = 1000)
  void openTelemetryReadsWhatDivakWrites(@ForAll("baggage") Map<String, String> entries) {
    Map<String, String> headers = new HashMap<>();
    W3CBaggagePropagation.INSTANCE.inject(TraceContext.builder().traceId(1).spanId(1)
        .baggage(Baggage.of(entries)).build(), headers, Propagation.mapSetter());

    io.opentelemetry.api.baggage.Baggage otel = io.opentelemetry.api.baggage.Baggage.fromContext(
        W3CBaggagePropagator.getInstance().extract(Context.root(), headers, GETTER));
    assertThat(otel.asMap().entrySet().stream().collect(
            java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getValue())))
        .isEqualTo(entries);
  }

  @Property(tries = 1000)
  void divakReadsWhatOpenTelemetryWrites(@ForAll("baggage") Map<String, String> entries) {
    io.opentelemetry.api.baggage.BaggageBuilder b = io.opentelemetry.api.baggage.Baggage.builder();
    entries.forEach(b::put);
    Map<String, String> headers = new HashMap<>();
    W3CBaggagePropagator.getInstance().inject(Context.root().with(b.build()), headers,
        (m, k, v) -> m.put(k, v));

    TraceContext extracted =
        W3CBaggagePropagation.INSTANCE.extract(headers, Propagation.mapGetter());
    Map<String, String> read = extracted == null ? Map.of() : extracted.baggage().asMap();
    assertThat(read).isEqualTo(entries);
  }

  @Property(tries = 2000)
  void hostileBaggageNeverThrowsAndYieldsOnlyValidEntries(@ForAll("hostile") String header) {
    TraceContext c = W3CBaggagePropagation.INSTANCE.extract(
        Map.of("baggage", header), Propagation.mapGetter());
    if (c == null) return;
    assertThat(c.hasIds()).isFalse();
    Baggage baggage = c.baggage();
    assertThat(baggage.size()).isBetween(1, Baggage.MAX_ENTRIES);
    // Whatever was read can be written again and read back the same.
    Map<String, String> headers = new HashMap<>();
    W3CBaggagePropagation.INSTANCE.inject(c, headers, Propagation.mapSetter());
    assertThat(headers.get("baggage")).hasSizeLessThanOrEqualTo(Baggage.MAX_BYTES)
        .doesNotContain("\r", "\n");
    assertThat(W3CBaggagePropagation.parse(headers.get("baggage")).asMap())
        .isEqualTo(baggage.asMap());
  }

  @Example
  void theSpecsLimits() {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 100; i++) many.append(i == 0 ? "" : ",").append("k").append(i).append("=v");
    assertThat(W3CBaggagePropagation.parse(many.toString()).size()).isEqualTo(64);

    String tooLong = "k=" + "v".repeat(Baggage.MAX_BYTES);
    assertThat(W3CBaggagePropagation.parse(tooLong)).isNull();

    Baggage.Builder big = Baggage.builder();
    for (int i = 0; i < 64; i++) big.put("k" + i, "x".repeat(200));
    String written = W3CBaggagePropagation.format(big.build());
    assertThat(written.length()).isLessThanOrEqualTo(Baggage.MAX_BYTES);
    assertThat(W3CBaggagePropagation.parse(written).size()).isLessThan(64).isPositive();
  }

  @Example
  void percentEncodingAndPropertiesAndInvalidMembers() {
    Baggage b = W3CBaggagePropagation.parse(
        " tenant = acme%20corp ;ttl=60, bad key=1, ok=%E2%82%AC, broken=%FF, empty=, x=\"q\"");
    assertThat(b.asMap()).containsExactly(Map.entry("tenant", "acme corp"), Map.entry("ok", "€"),
        Map.entry("empty", ""));
    assertThat(b.properties("tenant")).isEqualTo("ttl=60");
    assertThat(W3CBaggagePropagation.format(b)).isEqualTo("tenant=acme%20corp;ttl=60,ok=%E2%82%AC,empty=");
  }

  @Example
  void fromTheIncomingRequestToTheApplicationTheSpanAndTheOutgoingCall() {
    InMemoryReporter reporter = Reporter.inMemory();
    try (Divak divak = Divak.builder().serviceName("orders")
        .propagation(Propagation.w3c(), Propagation.baggage())
        .baggageTags("tenant")
        .reporter(reporter).build()) {
      Map<String, String> incoming = new TreeMap<>(Map.of(
          "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
          "baggage", "tenant=acme,run=42"));
      TraceContext extracted = divak.extract(incoming, Propagation.mapGetter());
      assertThat(extracted.traceIdString()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
      Span server = divak.startSpan("GET /orders", Span.Kind.SERVER, extracted);
      Map<String, String> outgoing = new TreeMap<>();
      try (var scope = divak.withSpan(server)) {
        assertThat(divak.baggage("tenant")).isEqualTo("acme");
        assertThat(divak.baggage("run")).isEqualTo("42");
        assertThat(divak.baggage("absent")).isNull();
        try (Operation op = divak.operation("query")) {
          assertThat(divak.baggage("tenant")).isEqualTo("acme"); // children carry it
          Span client = divak.startSpan("GET", Span.Kind.CLIENT);
          divak.inject(client.context(), outgoing, Propagation.mapSetter());
          client.finish();
        }
      }
      server.finish();
      assertThat(outgoing.get("baggage")).isEqualTo("tenant=acme,run=42");
      assertThat(outgoing.get("traceparent")).startsWith("00-0af7651916cd43dd8448eb211c80319c-");
      assertThat(reporter.spans()).allSatisfy(s -> assertThat(s.tag("tenant")).isEqualTo("acme"));
      assertThat(reporter.spans()).allSatisfy(s -> assertThat(s.tag("run")).isNull());
    }
  }

  @Example
  void withoutTheBaggageFormatTheHeaderIsNotRead() {
    try (Divak divak = Divak.builder().serviceName("orders").propagation(Propagation.w3c()).build()) {
      TraceContext extracted = divak.extract(Map.of("baggage", "tenant=acme"), Propagation.mapGetter());
      assertThat(extracted.baggage()).isNull();
    }
  }

  @Provide
  Arbitrary<Map<String, String>> baggage() {
    Arbitrary<String> keys = Arbitraries.strings()
        .withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&'*+-.^_`|~")
        .ofMinLength(1).ofMaxLength(12);
    Arbitrary<String> values = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.strings().ascii().ofMaxLength(20)),
        Tuple.of(1, Arbitraries.strings().all().ofMaxLength(10)
            .filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c)))),
        Tuple.of(1, Arbitraries.of("a b", "50%", "%41", "€", "x,y;z=1", "\"", "\\", "=", "")));
    return Arbitraries.maps(keys, values).ofMaxSize(10).map(LinkedHashMap::new);
  }

  @Provide
  Arbitrary<String> hostile() {
    Arbitrary<String> parts = Arbitraries.of("k=v", "=", ",", ";", "%", "%4", "%zz", "%E2%82",
        " ", "\t", "\r\n", "\u0000", "é", "\uD83D", "key", "k=v;p", "a=b=c", ",,,", "%FF",
        "k" + "=v".repeat(500));
    return Arbitraries.frequencyOf(
            Tuple.of(4, parts), Tuple.of(1, Arbitraries.strings().all().ofMaxLength(5)))
        .list().ofMaxSize(40).map(l -> String.join("", l));
  }
}
