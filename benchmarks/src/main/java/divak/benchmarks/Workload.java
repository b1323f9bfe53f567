package divak.benchmarks;

import java.util.HashMap;
import java.util.Map;

/**
 * The constants every library is measured with: one span name, two string tags, one remote
 * parent, one set of header values. A benchmark that differs between libraries only in the
 * library compares the libraries, nothing else.
 */
final class Workload {
  static final String SERVICE = "orders";
  static final String SPAN_NAME = "GET /orders/{id}";
  static final String TAG1_KEY = "http.method";
  static final String TAG1_VALUE = "GET";
  static final String TAG2_KEY = "order.id";
  static final String TAG2_VALUE = "4711";

  // The remote parent: a 128-bit trace id and the caller's span id.
  static final long TRACE_ID_HIGH = 0x463ac35c9f6413adL;
  static final long TRACE_ID = 0x48485a3953bb6124L;
  static final long PARENT_SPAN_ID = 0xa2fb4a1d1a96d312L;
  static final String TRACE_ID_HEX = "463ac35c9f6413ad48485a3953bb6124";
  static final String PARENT_SPAN_ID_HEX = "a2fb4a1d1a96d312";

  static final String TRACEPARENT_SAMPLED = "00-" + TRACE_ID_HEX + "-" + PARENT_SPAN_ID_HEX + "-01";
  static final String TRACESTATE = "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7";

  /** W3C headers; {@code tracestate} only when asked for. */
  static Map<String, String> w3cHeaders(boolean withTraceState) {
    Map<String, String> headers = new HashMap<>();
    headers.put("traceparent", TRACEPARENT_SAMPLED);
    if (withTraceState) headers.put("tracestate", TRACESTATE);
    return headers;
  }

  /**
   * B3 multi-header, sampled, as divak, Brave and OpenTelemetry all spell it. No {@code
   * X-B3-ParentSpanId}: OpenTelemetry does not carry it, so every library can round-trip the
   * same set.
   */
  static Map<String, String> b3Headers() {
    Map<String, String> headers = new HashMap<>();
    headers.put("X-B3-TraceId", TRACE_ID_HEX);
    headers.put("X-B3-SpanId", PARENT_SPAN_ID_HEX);
    headers.put("X-B3-Sampled", "1");
    return headers;
  }

  /** Fails the run: a benchmark whose result is wrong must not report a number. */
  static void check(boolean condition, String what) {
    if (!condition) throw new IllegalStateException("benchmark self-check failed: " + what);
  }

  private Workload() {
  }
}
