package divak.report;

import static divak.report.SpanData.span;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import divak.Span;
import java.util.List;
import org.junit.jupiter.api.Test;
import zipkin2.codec.SpanBytesDecoder;
import zipkin2.codec.SpanBytesEncoder;

class ZipkinJsonTest {

  static String json(FinishedSpan span) {
    byte[] bytes = ZipkinJson.encode(span);
    assertThat(ZipkinJson.sizeInBytes(span)).isEqualTo(bytes.length);
    return new String(bytes, UTF_8);
  }

  /** The JSON of a span that has only a name with {@code name} in it. */
  static String nameJson(String name) {
    String json = json(span().ids(0, 1, 0, 2).name(name));
    return json.substring(json.indexOf("\"name\":\"") + 8, json.lastIndexOf('"'));
  }

  @Test
  void writesEveryFieldInZipkinOrder() {
    SpanData span = span()
        .ids(0x463ac35c9f6413adL, 0x48485a3953bb6124L, 0x6b221d5bc9e6496cL, 0x5b4185666d50f68bL)
        .kind(Span.Kind.SERVER)
        .name("get /orders/{id}")
        .serviceName("orders")
        .timestamp(1_472_470_996_199_000L)
        .duration(207_000L)
        .annotate(1_472_470_996_238_000L, "ws")
        .tag("http.method", "GET")
        .tag("http.path", "/orders/1");

    assertThat(json(span)).isEqualTo("{"
        + "\"traceId\":\"463ac35c9f6413ad48485a3953bb6124\","
        + "\"parentId\":\"6b221d5bc9e6496c\","
        + "\"id\":\"5b4185666d50f68b\","
        + "\"kind\":\"SERVER\","
        + "\"name\":\"get /orders/{id}\","
        + "\"timestamp\":1472470996199000,"
        + "\"duration\":207000,"
        + "\"localEndpoint\":{\"serviceName\":\"orders\"},"
        + "\"annotations\":[{\"timestamp\":1472470996238000,\"value\":\"ws\"}],"
        + "\"tags\":{\"http.method\":\"GET\",\"http.path\":\"/orders/1\"}"
        + "}");
  }

  @Test
  void sameBytesAsZipkin2ForASpanZipkin2WouldNotNormalize() {
    // zipkin2 lower-cases names and sorts tags and annotations; this span needs neither. (No
    // string mixes non-ASCII with an escaped character: zipkin2 3.5.1 over-sizes such a string
    // and leaves NUL bytes at the end of its output.)
    SpanData span = span()
        .ids(0x463ac35c9f6413adL, 0x48485a3953bb6124L, 0x6b221d5bc9e6496cL, 0x5b4185666d50f68bL)
        .kind(Span.Kind.CLIENT)
        .name("post /spans \"quoted\" \\ \t \u2028")
        .serviceName("frontend")
        .timestamp(1_472_470_996_199_000L)
        .duration(1L)
        .annotate(1_472_470_996_238_000L, "cs\n")
        .annotate(1_472_470_996_239_000L, "cr\u0001")
        .tag("a", "x\u001fy")
        .tag("b", "")
        .tag("c", "é € \uD83D\uDE00")
        .debug();

    assertThat(ZipkinJson.encode(span))
        .isEqualTo(SpanBytesEncoder.JSON_V2.encode(Zipkin2Spans.expected(span)));
  }

  @Test
  void traceIdIs16HexDigitsWhenTheUpperBitsAreZero() {
    assertThat(json(span().ids(0, 0xabcL, 0, 0xdefL)))
        .isEqualTo("{\"traceId\":\"0000000000000abc\",\"id\":\"0000000000000def\"}");
  }

  @Test
  void omitsEmptyFields() {
    assertThat(json(span().ids(1, 2, 0, 3).name(null).serviceName(null)))
        .isEqualTo("{\"traceId\":\"00000000000000010000000000000002\",\"id\":\"0000000000000003\"}");
    assertThat(json(span().ids(1, 2, 0, 3).name("").serviceName("").timestamp(0).duration(0)))
        .isEqualTo("{\"traceId\":\"00000000000000010000000000000002\",\"id\":\"0000000000000003\"}");
  }

  @Test
  void leavesOutNullTagsAndAnnotations_andTheListWhenNothingIsLeft() {
    SpanData span = span().ids(0, 1, 0, 2).tag(null, "v").tag("k", null).annotate(5, null);
    assertThat(json(span)).isEqualTo("{\"traceId\":\"0000000000000001\",\"id\":\"0000000000000002\"}");

    span.tag("k", "v").annotate(6, "a");
    assertThat(json(span)).isEqualTo("{\"traceId\":\"0000000000000001\",\"id\":\"0000000000000002\","
        + "\"annotations\":[{\"timestamp\":6,\"value\":\"a\"}],\"tags\":{\"k\":\"v\"}}");
  }

  @Test
  void localSpanHasNoKind() {
    assertThat(json(span().ids(0, 1, 0, 2).kind(null).name("query-db"))).doesNotContain("kind");
  }

  @Test
  void writesEveryKind() {
    for (Span.Kind kind : Span.Kind.values()) {
      assertThat(json(span().ids(0, 1, 0, 2).kind(kind))).contains("\"kind\":\"" + kind + "\"");
    }
  }

  @Test
  void writesDebugOnlyWhenSet() {
    assertThat(json(span().ids(0, 1, 0, 2))).doesNotContain("debug");
    assertThat(json(span().ids(0, 1, 0, 2).debug())).endsWith(",\"debug\":true}");
  }

  @Test
  void writesLongsExactly() {
    assertThat(json(span().ids(0, 1, 0, 2).timestamp(Long.MAX_VALUE).duration(9)))
        .contains("\"timestamp\":9223372036854775807,\"duration\":9");
    assertThat(json(span().ids(0, 1, 0, 2).annotate(Long.MIN_VALUE, "a").annotate(-12, "b")
        .annotate(0, "c").annotate(1_000_000_000_000_000_000L, "d")))
        .contains("[{\"timestamp\":-9223372036854775808,\"value\":\"a\"},"
            + "{\"timestamp\":-12,\"value\":\"b\"},"
            + "{\"timestamp\":0,\"value\":\"c\"},"
            + "{\"timestamp\":1000000000000000000,\"value\":\"d\"}]");
    for (long power = 10; power > 0; power *= 10) { // until it overflows past 10^18
      for (long v : new long[] {power - 1, power, power + 1}) {
        assertThat(json(span().ids(0, 1, 0, 2).duration(v))).endsWith("\"duration\":" + v + "}");
      }
    }
  }

  @Test
  void escapesQuoteAndBackslash() {
    assertThat(nameJson("say \"hi\"")).isEqualTo("say \\\"hi\\\"");
    assertThat(nameJson("C:\\dir\\")).isEqualTo("C:\\\\dir\\\\");
  }

  @Test
  void escapesControlCharactersShortWhereJsonHasAShortForm() {
    assertThat(nameJson("\b\f\n\r\t")).isEqualTo("\\b\\f\\n\\r\\t");
  }

  @Test
  void escapesOtherControlCharactersAsUnicodeEscapes() {
    assertThat(nameJson("\u0000")).isEqualTo("\\u0000");
    assertThat(nameJson("a\u0001b")).isEqualTo("a\\u0001b");
    assertThat(nameJson("\u000b")).isEqualTo("\\u000b");
    assertThat(nameJson("\u001f")).isEqualTo("\\u001f");
  }

  @Test
  void escapesLineAndParagraphSeparators() {
    assertThat(nameJson("\u2028\u2029")).isEqualTo("\\u2028\\u2029");
  }

  @Test
  void writesOtherCharactersAsIs() {
    assertThat(nameJson("/ < > & ' \u007f ~")).isEqualTo("/ < > & ' \u007f ~");
  }

  @Test
  void writesNonAsciiAsUtf8() {
    assertThat(utf8Name("é")).containsExactly(0xc3, 0xa9);
    assertThat(utf8Name("\u07ff")).containsExactly(0xdf, 0xbf);
    assertThat(utf8Name("€")).containsExactly(0xe2, 0x82, 0xac);
    assertThat(utf8Name("\uffff")).containsExactly(0xef, 0xbf, 0xbf);
  }

  @Test
  void writesASurrogatePairAsOneFourByteSequence() {
    assertThat(utf8Name("\uD83D\uDE00")).containsExactly(0xf0, 0x9f, 0x98, 0x80); // 😀
    assertThat(utf8Name("\uDBFF\uDFFF")).containsExactly(0xf4, 0x8f, 0xbf, 0xbf); // U+10FFFF
  }

  @Test
  void writesALoneSurrogateAsTheReplacementCharacter() {
    int[] replacement = {0xef, 0xbf, 0xbd};
    assertThat(utf8Name("\uD83D")).containsExactly(replacement);
    assertThat(utf8Name("\uDE00")).containsExactly(replacement);
    assertThat(nameJson("a\uD83Db")).isEqualTo("a\uFFFDb");
    assertThat(nameJson("\uDE00\uD83D")).isEqualTo("\uFFFD\uFFFD"); // a pair in the wrong order
    assertThat(nameJson("\uD83D\uD83D\uDE00")).isEqualTo("\uFFFD\uD83D\uDE00");
  }

  @Test
  void escapesTagKeysAndValuesAnnotationsAndServiceName() {
    SpanData span = span().ids(0, 1, 0, 2)
        .serviceName("svc\"1")
        .tag("k\"ey", "va\\lue\n")
        .annotate(1, "an\tnotation");

    assertThat(json(span)).isEqualTo("{\"traceId\":\"0000000000000001\",\"id\":\"0000000000000002\","
        + "\"localEndpoint\":{\"serviceName\":\"svc\\\"1\"},"
        + "\"annotations\":[{\"timestamp\":1,\"value\":\"an\\tnotation\"}],"
        + "\"tags\":{\"k\\\"ey\":\"va\\\\lue\\n\"}}");
  }

  @Test
  void decodesWithZipkin2() {
    SpanData span = span().ids(7, 8, 9, 10).kind(Span.Kind.PRODUCER).name("Send \"Order\"")
        .serviceName("Orders").timestamp(100).duration(5).tag("error", "boom\r\n")
        .annotate(101, "sent \uD83D\uDE00").annotate(102, "lone \uDC00");

    assertThat(SpanBytesDecoder.JSON_V2.decodeOne(ZipkinJson.encode(span)))
        .isEqualTo(Zipkin2Spans.expected(span));
  }

  @Test
  void writesTheRemoteEndpointOfAClientSpan() {
    SpanData span = span().ids(0, 1, 0, 2).kind(Span.Kind.CLIENT).serviceName("a")
        .remote("inventory", "10.1.2.3", 8080);

    assertThat(json(span)).isEqualTo("{\"traceId\":\"0000000000000001\",\"id\":\"0000000000000002\","
        + "\"kind\":\"CLIENT\",\"localEndpoint\":{\"serviceName\":\"a\"},"
        + "\"remoteEndpoint\":{\"serviceName\":\"inventory\",\"ipv4\":\"10.1.2.3\",\"port\":8080}}");
    assertThat(ZipkinJson.sizeInBytes(span)).isEqualTo(ZipkinJson.encode(span).length);
  }

  @Test
  void remoteEndpointsDecodeWithZipkin2() {
    SpanData[] spans = {
        span().ids(0, 1, 0, 2).kind(Span.Kind.CLIENT).remote("inventory", null, 0),
        span().ids(0, 1, 0, 3).kind(Span.Kind.CLIENT).remote(null, "::1", 443),
        span().ids(0, 1, 0, 4).kind(Span.Kind.CLIENT).remote("Inv \"x\"", "2001:db8::7", 0),
        span().ids(0, 1, 0, 5).kind(Span.Kind.CLIENT).remote(null, null, 9411),
    };
    for (SpanData span : spans) {
      byte[] json = ZipkinJson.encode(span);
      assertThat(json).hasSize(ZipkinJson.sizeInBytes(span));
      assertThat(SpanBytesDecoder.JSON_V2.decodeOne(json)).isEqualTo(Zipkin2Spans.expected(span));
    }
  }

  @Test
  void encodesAList() {
    byte[] a = ZipkinJson.encode(span().ids(0, 1, 0, 2));
    byte[] b = ZipkinJson.encode(span().ids(0, 1, 2, 3));

    assertThat(new String(ZipkinJson.encodeList(List.of()), UTF_8)).isEqualTo("[]");
    assertThat(new String(ZipkinJson.encodeList(List.of(a)), UTF_8))
        .isEqualTo("[" + new String(a, UTF_8) + "]");
    byte[] list = ZipkinJson.encodeList(List.of(a, b));
    assertThat(new String(list, UTF_8))
        .isEqualTo("[" + new String(a, UTF_8) + "," + new String(b, UTF_8) + "]");
    assertThat(ZipkinJson.listSizeInBytes(List.of(a, b))).isEqualTo(list.length);
    assertThat(SpanBytesDecoder.JSON_V2.decodeList(list)).hasSize(2);
  }

  @Test
  void writesAtAnOffset() {
    SpanData span = span().ids(0, 1, 0, 2).name("x");
    byte[] out = new byte[ZipkinJson.sizeInBytes(span) + 3];
    int end = ZipkinJson.write(span, out, 2);
    assertThat(end).isEqualTo(out.length - 1);
    assertThat(new String(out, 2, end - 2, UTF_8)).isEqualTo(json(span));
  }

  /** The raw bytes the encoder writes for {@code name}, without the quotes. */
  private static int[] utf8Name(String name) {
    byte[] json = ZipkinJson.encode(span().ids(0, 1, 0, 2).name(name));
    int prefix = "{\"traceId\":\"0000000000000001\",\"id\":\"0000000000000002\",\"name\":\"".length();
    int[] unsigned = new int[json.length - prefix - 2];
    for (int i = 0; i < unsigned.length; i++) unsigned[i] = json[prefix + i] & 0xff;
    return unsigned;
  }
}
