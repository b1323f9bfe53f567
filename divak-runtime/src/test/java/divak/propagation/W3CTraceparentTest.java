package divak.propagation;

import static divak.propagation.Peers.divakExtract;
import static divak.propagation.Peers.divakInject;
import static divak.propagation.Peers.headers;
import static org.assertj.core.api.Assertions.assertThat;

import divak.Divak;
import divak.Span;
import divak.TraceContext;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code traceparent} parsing, after the cases of the W3C Trace Context test suite
 * (w3c/trace-context, {@code test/test.py}): each value is valid or invalid, and a valid one reads
 * to trace id {@value #TRACE_ID} and parent id {@value #SPAN_ID}.
 */
class W3CTraceparentTest {
  static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  static final String SPAN_ID = "b7ad6b7169203331";
  static final String TP = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";

  static Arguments valid(String why, String traceparent, boolean sampled) {
    return Arguments.of(why, traceparent, sampled);
  }

  static Arguments[] validCases() {
    return new Arguments[] {
        valid("version 00, sampled", TP, true),
        valid("version 00, not sampled", "00-" + TRACE_ID + "-" + SPAN_ID + "-00", false),
        valid("unknown flags are ignored, sampled bit read", "00-" + TRACE_ID + "-" + SPAN_ID + "-09", true),
        valid("all flags set", "00-" + TRACE_ID + "-" + SPAN_ID + "-ff", true),
        valid("unknown flags without the sampled bit", "00-" + TRACE_ID + "-" + SPAN_ID + "-fe", false),
        valid("future version cc, four fields", "cc-" + TRACE_ID + "-" + SPAN_ID + "-01", true),
        valid("future version cc, extra fields after '-'",
            "cc-" + TRACE_ID + "-" + SPAN_ID + "-01-what-the-future-will-be-like", true),
        valid("future version cc, an empty extra field", "cc-" + TRACE_ID + "-" + SPAN_ID + "-01-", true),
        valid("future version fe", "fe-" + TRACE_ID + "-" + SPAN_ID + "-00", false),
        valid("leading space (HTTP OWS)", " " + TP, true),
        valid("trailing space (HTTP OWS)", TP + " ", true),
        valid("tabs and spaces around (HTTP OWS)", "\t " + TP + " \t", true),
    };
  }

  static String[] invalidCases() {
    String rest = "-" + TRACE_ID + "-" + SPAN_ID + "-01";
    return new String[] {
        // version
        "ff" + rest, // version ff is forbidden
        ".0" + rest, "0." + rest, "0g" + rest, // illegal characters
        "0" + rest, // too short
        "000" + rest, "0000" + rest, // too long
        "FF" + rest, "CC" + rest, "0A" + rest, // upper case
        // version 00 is exactly 55 characters
        TP + ".", TP + "-", TP + "-what-the-future-will-be-like", TP + "0",
        // a later version separates extra fields with '-'
        "cc-" + TRACE_ID + "-" + SPAN_ID + "-01.what-the-future-will-be-like",
        "cc-" + TRACE_ID + "-" + SPAN_ID + "-010",
        // trace id
        "00-00000000000000000000000000000000-" + SPAN_ID + "-01", // all zeros
        "00-.af7651916cd43dd8448eb211c80319c-" + SPAN_ID + "-01",
        "00-0af7651916cd43dd8448eb211c80319.-" + SPAN_ID + "-01",
        "00-0AF7651916CD43DD8448EB211C80319C-" + SPAN_ID + "-01", // upper case
        "00-0af7651916cd43dd8448eb211c80319C-" + SPAN_ID + "-01",
        "00-0af7651916cd43dd8448eb211c80319c0-" + SPAN_ID + "-01", // too long
        "00-0af7651916cd43dd8448eb211c80319-" + SPAN_ID + "-01", // too short
        "00-" + SPAN_ID + "-" + SPAN_ID + "-01", // 64-bit: W3C has none
        // parent id
        "00-" + TRACE_ID + "-0000000000000000-01", // all zeros
        "00-" + TRACE_ID + "-.7ad6b7169203331-01",
        "00-" + TRACE_ID + "-b7ad6b716920333.-01",
        "00-" + TRACE_ID + "-B7AD6B7169203331-01", // upper case
        "00-" + TRACE_ID + "-b7ad6b71692033310-01", // too long
        "00-" + TRACE_ID + "-b7ad6b716920333-01", // too short
        // flags
        "00-" + TRACE_ID + "-" + SPAN_ID + "-.0",
        "00-" + TRACE_ID + "-" + SPAN_ID + "-0.",
        "00-" + TRACE_ID + "-" + SPAN_ID + "-0g",
        "00-" + TRACE_ID + "-" + SPAN_ID + "-0A", // upper case
        "00-" + TRACE_ID + "-" + SPAN_ID + "-001", // too long
        "00-" + TRACE_ID + "-" + SPAN_ID + "-1", // too short
        // delimiters
        "00_" + TRACE_ID + "-" + SPAN_ID + "-01",
        "00-" + TRACE_ID + "_" + SPAN_ID + "-01",
        "00-" + TRACE_ID + "-" + SPAN_ID + "_01",
        "00" + TRACE_ID + "-" + SPAN_ID + "-01",
        "00--" + TRACE_ID + "-" + SPAN_ID + "-01",
        // whitespace inside the value, and a repeated header joined by a container
        "00- " + TRACE_ID.substring(1) + "-" + SPAN_ID + "-01",
        TP + "," + TP,
        TP + ", " + TP,
        // empty, blank, far too long
        "", " ", "\t", "00", "cc-" + TRACE_ID + "-" + SPAN_ID + "-01-" + "x".repeat(600),
        " ".repeat(300) + TP + " ".repeat(300), // padded beyond the length cap
    };
  }

  @ParameterizedTest(name = "[{index}] {0}: {1}")
  @MethodSource("validCases")
  void validIsRead(String why, String traceparent, boolean sampled) {
    TraceContext c = divakExtract(Propagation.w3c(), headers("traceparent", traceparent));

    assertThat(c).isNotNull();
    assertThat(c.traceIdString()).isEqualTo(TRACE_ID);
    assertThat(c.spanIdString()).isEqualTo(SPAN_ID);
    assertThat(c.parentId()).isZero();
    assertThat(c.sampled()).isEqualTo(sampled);
    assertThat(c.debug()).isFalse();
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @MethodSource("invalidCases")
  void invalidIsIgnored(String traceparent) {
    Map<String, String> headers = headers("traceparent", traceparent, "tracestate", "foo=1");

    assertThat(divakExtract(Propagation.w3c(), headers)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"traceparent", "TRACEPARENT", "TraceParent"})
  void headerNameIsCaseInsensitive(String name) {
    assertThat(divakExtract(Propagation.w3c(), headers(name, TP))).isNotNull();
  }

  @Test
  void noHeader() {
    assertThat(divakExtract(Propagation.w3c(), headers("tracestate", "foo=1"))).isNull();
  }

  @Test
  void traceStatePassedThroughUnchanged() {
    String state = "rojo=00f067aa0ba902b7, congo=t61rcWkgMzE ,,";
    TraceContext c = divakExtract(Propagation.w3c(), headers("traceparent", TP, "tracestate", state));

    assertThat(c.traceState()).isEqualTo(state);
    assertThat(divakInject(Propagation.w3c(), c)).containsEntry("tracestate", state);
  }

  @Test
  void traceStateDroppedWhenOversizedOrUnsafe() {
    for (String state : new String[] {
        "", "a=" + "b".repeat(W3CPropagation.MAX_TRACESTATE_LENGTH - 1), "a=1\r\nSet-Cookie: x=y",
        "a=\u00e9"}) {
      TraceContext c =
          divakExtract(Propagation.w3c(), headers("traceparent", TP, "tracestate", state));
      assertThat(c).isNotNull();
      assertThat(c.traceState()).as("tracestate %s", state).isNull();
      assertThat(divakInject(Propagation.w3c(), c)).doesNotContainKey("tracestate");
    }
    String longest = "a=" + "b".repeat(W3CPropagation.MAX_TRACESTATE_LENGTH - 2);
    assertThat(divakExtract(Propagation.w3c(), headers("traceparent", TP, "tracestate", longest))
        .traceState()).isEqualTo(longest);
  }

  @Test
  void injectWritesVersion00PaddingA64BitTraceId() {
    TraceContext c = TraceContext.builder().traceId(0x48485a3953bb6124L).spanId(0x1L)
        .parentId(0x2L).sampled(true).build();

    assertThat(divakInject(Propagation.w3c(), c)).containsExactly(
        Map.entry("traceparent", "00-000000000000000048485a3953bb6124-0000000000000001-01"));
  }

  @Test
  void injectFlags() {
    TraceContext.Builder b = TraceContext.builder().traceIdHigh(1).traceId(2).spanId(3);
    String ids = "00-00000000000000010000000000000002-0000000000000003-";

    assertThat(divakInject(Propagation.w3c(), b.sampled(true).build()).get("traceparent"))
        .isEqualTo(ids + "01");
    assertThat(divakInject(Propagation.w3c(), b.sampled(false).build()).get("traceparent"))
        .isEqualTo(ids + "00");
    assertThat(divakInject(Propagation.w3c(), b.sampled(null).build()).get("traceparent"))
        .as("deferred: the caller did not record").isEqualTo(ids + "00");
    assertThat(divakInject(Propagation.w3c(), b.sampled(false).debug(true).build())
        .get("traceparent")).as("debug").isEqualTo(ids + "01");
  }

  /** Level 2: the "random trace id" flag (02) is read and passed on to the next hop. */
  @Test
  void level2RandomFlagIsPassedOn() {
    Divak divak = Divak.builder().serviceName("s").propagation(Propagation.w3c()).build();
    for (String flags : new String[] {"03", "02", "01", "00"}) {
      TraceContext in = divakExtract(Propagation.w3c(),
          headers("traceparent", "00-" + TRACE_ID + "-" + SPAN_ID + "-" + flags));
      assertThat(in.traceIdRandom()).as(flags).isEqualTo(flags.charAt(1) >= '2');
      assertThat(in.isSampled()).as(flags).isEqualTo(flags.charAt(1) == '1' || flags.charAt(1) == '3');

      TraceContext child = divak.startSpan("child", Span.Kind.CLIENT, in).context();
      assertThat(divakInject(Propagation.w3c(), child).get("traceparent")).as(flags)
          .endsWith("-" + flags).startsWith("00-" + TRACE_ID + "-")
          .doesNotContain(SPAN_ID);
    }
  }

  @Test
  void injectWritesNothingWithoutIds() {
    TraceContext decisionOnly = TraceContext.builder().sampled(true).build();

    assertThat(divakInject(Propagation.w3c(), decisionOnly)).isEmpty();
  }

  @Test
  void toStringNamesTheFactory() {
    assertThat(Propagation.w3c()).hasToString("Propagation.w3c()").isSameAs(Propagation.w3c());
  }
}
