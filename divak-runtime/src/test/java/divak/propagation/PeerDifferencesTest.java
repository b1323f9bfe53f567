package divak.propagation;

import static divak.propagation.Peers.OTEL_B3_SINGLE;
import static divak.propagation.Peers.OTEL_W3C;
import static divak.propagation.Peers.braveExtract;
import static divak.propagation.Peers.divakExtract;
import static divak.propagation.Peers.headers;
import static divak.propagation.Peers.otelExtract;
import static org.assertj.core.api.Assertions.assertThat;

import brave.propagation.TraceContextOrSamplingFlags;
import divak.TraceContext;
import io.opentelemetry.api.trace.SpanContext;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where divak, Brave and OpenTelemetry disagree on what to accept, pinned down with the peers
 * themselves as oracles, so that an upgrade of either that changes the picture is noticed. Each
 * row reads the same headers with all three: {@code ids} (a context to join), {@code decision}
 * (a sampling decision without ids) or {@code none} (ignored: a new trace starts). The reasons
 * are in RATIONALE.md, "How divak reads and writes trace headers".
 */
class PeerDifferencesTest {
  static final String T = "463ac35c9f6413ad";
  static final String S = "a2fb4a1d1a96d312";
  static final String TP = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  static Arguments row(String why, Map<String, String> headers, String divak, String brave,
      String otel) {
    return Arguments.of(why, headers, divak, brave, otel);
  }

  static Stream<Arguments> b3Rows() {
    return Stream.of(
        // Brave left-pads short B3 ids; divak and OpenTelemetry want the lengths B3 specifies.
        row("X-B3-TraceId of 10 digits",
            headers("X-B3-TraceId", "3c9f6413ad", "X-B3-SpanId", S, "X-B3-Sampled", "1"),
            "none", "ids", "none"),
        row("X-B3-SpanId of 10 digits",
            headers("X-B3-TraceId", T, "X-B3-SpanId", "1d1a96d312", "X-B3-Sampled", "1"),
            "none", "ids", "none"),
        // OpenTelemetry reads any sampled value it does not know as "not sampled"; divak and
        // Brave take a broken decision as a broken sender and discard the set.
        row("X-B3-Sampled: yes", headers("X-B3-TraceId", T, "X-B3-SpanId", S, "X-B3-Sampled", "yes"),
            "none", "none", "ids"),
        row("X-B3-Sampled: d", headers("X-B3-TraceId", T, "X-B3-SpanId", S, "X-B3-Sampled", "d"),
            "none", "none", "ids"),
        row("b3: ...-true", headers("b3", T + "-" + S + "-true"), "none", "none", "ids"),
        row("b3: ...-x", headers("b3", T + "-" + S + "-x"), "none", "none", "ids"),
        // OpenTelemetry does not read the parent id at all; Brave rejects all zeros in the
        // X-B3-ParentSpanId header (but not in b3); divak reads all zeros as "no parent" in both.
        row("X-B3-ParentSpanId all zeros",
            headers("X-B3-TraceId", T, "X-B3-SpanId", S, "X-B3-ParentSpanId", "0000000000000000"),
            "ids", "none", "ids"),
        row("b3 parent all zeros", headers("b3", T + "-" + S + "-1-0000000000000000"),
            "ids", "ids", "ids"),
        row("X-B3-ParentSpanId not hex",
            headers("X-B3-TraceId", T, "X-B3-SpanId", S, "X-B3-ParentSpanId", "zz"),
            "none", "none", "ids"),
        // A decision alone: OpenTelemetry has nowhere to keep it.
        row("b3: 0", headers("b3", "0"), "decision", "decision", "none"),
        row("b3: d", headers("b3", "d"), "decision", "decision", "none"),
        row("X-B3-Sampled: 1 alone", headers("X-B3-Sampled", "1"), "decision", "decision", "none"),
        // Where all agree, for contrast.
        row("128-bit trace id, lower half zero",
            headers("X-B3-TraceId", T + "0000000000000000", "X-B3-SpanId", S),
            "ids", "ids", "ids"),
        row("upper-case trace id", headers("b3", "463AC35C9F6413AD-" + S + "-1"),
            "none", "none", "none"),
        row("repeated b3 joined by a comma", headers("b3", T + "-" + S + "-1," + T + "-" + S + "-1"),
            "none", "none", "none"));
  }

  @ParameterizedTest(name = "[{index}] {0}: divak {2}, Brave {3}, OpenTelemetry {4}")
  @MethodSource("b3Rows")
  void b3(String why, Map<String, String> headers, String divak, String brave, String otel) {
    Propagation format = headers.containsKey("b3") ? Propagation.b3Single() : Propagation.b3();

    assertThat(read(divakExtract(format, headers))).as("divak").isEqualTo(divak);
    assertThat(read(braveExtract(headers))).as("Brave").isEqualTo(brave);
    assertThat(read(otelExtract(OTEL_B3_SINGLE, headers))).as("OpenTelemetry").isEqualTo(otel);
  }

  static Stream<Arguments> w3cRows() {
    return Stream.of(
        // HTTP optional whitespace: the W3C test suite expects it ignored; OpenTelemetry rejects.
        row("leading space", headers("traceparent", " " + TP), "ids", "n/a", "none"),
        row("trailing tab", headers("traceparent", TP + "\t"), "ids", "n/a", "none"),
        // Where both agree.
        row("future version, extra field", headers("traceparent", "cc" + TP.substring(2) + "-x"),
            "ids", "n/a", "ids"),
        row("version 00, extra field", headers("traceparent", TP + "-x"), "none", "n/a", "none"),
        row("upper case", headers("traceparent", TP.toUpperCase()), "none", "n/a", "none"));
  }

  /** Brave's core has no W3C format; OpenTelemetry is the oracle here. */
  @ParameterizedTest(name = "[{index}] {0}: divak {2}, OpenTelemetry {4}")
  @MethodSource("w3cRows")
  void w3c(String why, Map<String, String> headers, String divak, String brave, String otel) {
    assertThat(read(divakExtract(Propagation.w3c(), headers))).as("divak").isEqualTo(divak);
    assertThat(read(otelExtract(OTEL_W3C, headers))).as("OpenTelemetry").isEqualTo(otel);
  }

  /**
   * divak passes {@code tracestate} on as received (when it is safe to put in a header);
   * OpenTelemetry parses it and drops a value it cannot parse.
   */
  @Test
  void tracestateThatDoesNotParseIsKeptByDivakAndDroppedByOtel() {
    Map<String, String> headers = headers("traceparent", TP, "tracestate", "not a valid list");

    assertThat(divakExtract(Propagation.w3c(), headers).traceState()).isEqualTo("not a valid list");
    assertThat(otelExtract(OTEL_W3C, headers).getTraceState().isEmpty()).isTrue();
  }

  static String read(TraceContext c) {
    if (c == null) return "none";
    return c.hasIds() ? "ids" : "decision";
  }

  static String read(TraceContextOrSamplingFlags c) {
    if (c.context() != null) return "ids";
    return c == TraceContextOrSamplingFlags.EMPTY ? "none" : "decision";
  }

  static String read(SpanContext c) {
    return c.isValid() ? "ids" : "none";
  }
}
