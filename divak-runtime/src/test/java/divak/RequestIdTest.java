package divak;

import static org.assertj.core.api.Assertions.assertThat;

import divak.propagation.Propagation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The divak Request-Id, read through {@link Divak#extract} and written by {@link Divak#inject}. */
class RequestIdTest {
  static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  static TraceContext extract(Divak divak, String... namesAndValues) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return divak.extract(headers, Propagation.mapGetter());
  }

  static Divak.Builder builder() {
    return Divak.builder().serviceName("test");
  }

  @Test
  void relayedWhenValid() {
    TraceContext c = extract(builder().build(), "request-id", "abc-123");

    assertThat(c.requestId()).isEqualTo("abc-123");
  }

  @Test
  void generatedAsUuidV4WhenAbsent() {
    Divak divak = builder().build();

    assertThat(extract(divak).requestId()).matches(UUID_V4);
    assertThat(extract(divak).requestId()).isNotEqualTo(extract(divak).requestId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a\r\nSet-Cookie: x", "tab\there", "caf\u00e9", "nul\u0000",
      "del\u007f"})
  void replacedWhenUnsafe(String value) {
    TraceContext c = extract(builder().build(), "Request-Id", value);

    assertThat(c.requestId()).matches(UUID_V4);
  }

  @Test
  void longestAcceptedIs200Characters() {
    String max = "r".repeat(200);

    assertThat(extract(builder().build(), "Request-Id", max).requestId()).isEqualTo(max);
    assertThat(extract(builder().build(), "Request-Id", max + "r").requestId()).matches(UUID_V4);
    assertThat(extract(builder().build(), "Request-Id", "r".repeat(1_000_000)).requestId())
        .matches(UUID_V4);
  }

  @Test
  void visibleAsciiIsAccepted() {
    String all = "!#$%&'()*+,-./:;<=>?@[]^_`{|}~Zz09";

    assertThat(extract(builder().build(), "Request-Id", all).requestId()).isEqualTo(all);
  }

  /** Each could end a quoted log field ({@code "%X{requestId}"}) or an unquoted one. */
  @Test
  void quoteBackslashAndSpaceAreReplaced() {
    Divak divak = builder().generateRequestIds(false).build();

    for (String bad : new String[] {"a\"b", "a\\b", "a b", "\""}) {
      assertThat(extract(divak, "Request-Id", bad).requestId()).as(bad).isNull();
    }
  }

  @Test
  void generationOff_invalidIsDropped() {
    Divak divak = builder().generateRequestIds(false).build();

    assertThat(extract(divak).requestId()).isNull();
    assertThat(extract(divak, "Request-Id", "bad\n").requestId()).isNull();
    assertThat(extract(divak, "Request-Id", "ok").requestId()).isEqualTo("ok");
  }

  @Test
  void generationOff_withANullGenerator() {
    assertThat(extract(builder().requestIdGenerator(null).build()).requestId()).isNull();
  }

  @Test
  void generationBackOn() {
    Divak divak = builder().generateRequestIds(false).generateRequestIds(true).build();

    assertThat(extract(divak).requestId()).matches(UUID_V4);
  }

  @Test
  void customGenerator_keptWhenGenerationIsOn() {
    Divak divak = builder().requestIdGenerator(() -> "fixed").generateRequestIds(true).build();

    assertThat(extract(divak).requestId()).isEqualTo("fixed");
  }

  @Test
  void customGenerator_invalidOrFailingGivesNone() {
    assertThat(extract(builder().requestIdGenerator(() -> "no\nway").build()).requestId()).isNull();
    assertThat(extract(builder().requestIdGenerator(() -> null).build()).requestId()).isNull();
    assertThat(extract(builder().requestIdGenerator(() -> {
      throw new IllegalStateException("boom");
    }).build()).requestId()).isNull();
  }

  @Test
  void headerNameIsConfigurable() {
    Divak divak = builder().requestIdHeader("X-Correlation-Id").build();

    assertThat(extract(divak, "x-correlation-id", "corr-1").requestId()).isEqualTo("corr-1");
    assertThat(extract(divak, "Request-Id", "other").requestId()).matches(UUID_V4);

    Map<String, String> out = new LinkedHashMap<>();
    divak.inject(extract(divak, "X-Correlation-Id", "corr-1"), out, Propagation.mapSetter());
    assertThat(out).containsEntry("X-Correlation-Id", "corr-1");
  }

  @Test
  void carriedWithTheTraceContextAndInjected() {
    Divak divak = builder().propagation(Propagation.w3c()).build();
    TraceContext c = extract(divak, "traceparent",
        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "Request-Id", "req-7");

    assertThat(c.hasIds()).isTrue();
    assertThat(c.requestId()).isEqualTo("req-7");
    Span server = divak.startSpan("GET /", Span.Kind.SERVER, c);
    assertThat(server.context().requestId()).isEqualTo("req-7");

    Map<String, String> out = new LinkedHashMap<>();
    divak.inject(server.context(), out, Propagation.mapSetter());
    assertThat(out).containsEntry("Request-Id", "req-7").containsKey("traceparent");
  }

  @Test
  void carriedWithoutTraceHeaders() {
    TraceContext c = extract(builder().build(), "Request-Id", "only-this");

    assertThat(c.hasIds()).isFalse();
    assertThat(c.requestId()).isEqualTo("only-this");
  }
}
