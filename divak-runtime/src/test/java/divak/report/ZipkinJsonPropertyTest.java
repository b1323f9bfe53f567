package divak.report;

import static org.assertj.core.api.Assertions.assertThat;

import divak.Span;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import zipkin2.codec.SpanBytesDecoder;

/**
 * Whatever the span holds, the encoder's output is valid UTF-8 JSON that zipkin2 decodes to the
 * span zipkin2's own builder makes from the same data.
 */
class ZipkinJsonPropertyTest {

  @Property(tries = 1000)
  void zipkin2DecodesTheSameSpan(@ForAll("spans") SpanData span) throws CharacterCodingException {
    byte[] json = ZipkinJson.encode(span);

    assertValidUtf8WithoutRawControlCharacters(json);
    assertThat(SpanBytesDecoder.JSON_V2.decodeOne(json)).isEqualTo(Zipkin2Spans.expected(span));
  }

  @Property(tries = 200)
  void aListOfSpansDecodesToEachSpan(@ForAll("spans") SpanData a, @ForAll("spans") SpanData b) {
    byte[] list = ZipkinJson.encodeList(List.of(ZipkinJson.encode(a), ZipkinJson.encode(b)));

    assertThat(SpanBytesDecoder.JSON_V2.decodeList(list))
        .containsExactly(Zipkin2Spans.expected(a), Zipkin2Spans.expected(b));
  }

  @Property(tries = 500)
  void aLoneSurrogateBecomesTheReplacementCharacter(
      @ForAll("hostile") String before, @ForAll("loneSurrogate") char lone,
      @ForAll("hostile") String after) throws CharacterCodingException {
    String value = before + "|" + lone + "|" + after; // "|" keeps it from pairing up
    SpanData span = SpanData.span().ids(0, 1, 0, 2).tag("k", value);
    byte[] json = ZipkinJson.encode(span);

    assertValidUtf8WithoutRawControlCharacters(json);
    String decoded = SpanBytesDecoder.JSON_V2.decodeOne(json).tags().get("k");
    assertThat(decoded).isEqualTo(Zipkin2Spans.wellFormed(value)).contains("\uFFFD");
  }

  @Provide
  Arbitrary<SpanData> spans() {
    Arbitrary<Long> nonZero = Arbitraries.longs().filter(v -> v != 0);
    Arbitrary<Long> micros = Arbitraries.longs().between(0, 4_102_444_800_000_000L); // to 2100
    Arbitrary<SpanData> ids = Combinators.combine(
            Arbitraries.longs(), nonZero, Arbitraries.longs(), nonZero, Arbitraries.of(true, false))
        .as((high, low, parent, id, debug) -> {
          SpanData span = SpanData.span().ids(high, low, parent, id);
          return debug ? span.debug() : span;
        });
    Arbitrary<Map<String, String>> tags = Arbitraries.maps(hostile(), hostile()).ofMaxSize(6);
    Arbitrary<List<Map.Entry<Long, String>>> annotations =
        Combinators.combine(micros, hostile()).as(Map::entry).list().ofMaxSize(4);
    return Combinators.combine(ids, Arbitraries.of(Span.Kind.class).injectNull(0.3),
            hostile().injectNull(0.1), hostile().injectNull(0.1), micros, micros, tags, annotations)
        .as((span, kind, name, serviceName, timestamp, duration, tagMap, annotationList) -> {
          span.kind(kind).name(name).serviceName(serviceName).timestamp(timestamp)
              .duration(duration);
          tagMap.forEach(span::tag);
          annotationList.forEach(a -> span.annotate(a.getKey(), a.getValue()));
          return span;
        });
  }

  /** Strings made of the characters that break naive JSON writers, and of any char at all. */
  @Provide
  Arbitrary<String> hostile() {
    Arbitrary<String> nasty = Arbitraries.of(
        "\"", "\\", "\\\"", "\"\\", "/", "\b", "\f", "\n", "\r", "\t", "\u0000", "\u0001", "\u001f",
        "\u007f", "\u0080", "\u00a0", "\u2028", "\u2029", "\ufeff", "\uffff", "é", "ß", "€", "中文",
        "\uD83D\uDE00", "\uD83D\uDC69\u200D\uD83D\uDCBB", "\uDBFF\uDFFF", "\uD83D", "\uDE00",
        "\uDE00\uD83D", "İ", "GET", "Ω", "}", "]", ",", ":", "{\"a\":1}", " ");
    Arbitrary<String> anyChar = Arbitraries.chars().all().map(String::valueOf);
    Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMaxLength(6);
    return Arbitraries.frequencyOf(
            Tuple.of(4, nasty), Tuple.of(2, anyChar),
            Tuple.of(2, ascii))
        .list().ofMaxSize(10)
        .map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<Character> loneSurrogate() {
    return Arbitraries.chars().range('\uD800', '\uDFFF');
  }

  private static void assertValidUtf8WithoutRawControlCharacters(byte[] json)
      throws CharacterCodingException {
    StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(json));
    for (byte b : json) {
      assertThat(b & 0xff).as("a raw control character in %s", new String(json, StandardCharsets.UTF_8))
          .isGreaterThanOrEqualTo(0x20);
    }
  }
}
