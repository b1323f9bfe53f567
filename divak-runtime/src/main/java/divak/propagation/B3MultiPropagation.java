package divak.propagation;

import divak.TraceContext;
import divak.internal.ParsedIds;
import org.jspecify.annotations.Nullable;

/**
 * B3 in several headers, as Zipkin and Brave write them; the single {@code b3} header is read
 * too, when the multi headers carry no ids.
 *
 * <p>Extraction: {@code X-B3-TraceId} is 16 or 32 lower-case hex digits, {@code X-B3-SpanId} and
 * {@code X-B3-ParentSpanId} 16; none may be all zeros, except that an all-zero parent id means
 * "no parent". {@code X-B3-Sampled} is {@code 1} or {@code
 * 0} ({@code true} and {@code false}, in any case, from old clients); {@code X-B3-Flags: 1} is
 * debug, which forces sampling. As in Brave, any other sampled value, a trace id without a span id
 * or a malformed id discards the whole set: the sender is broken, so its decision is not trusted
 * either. Without a trace id, the sampling decision alone is returned.
 *
 * <p>Injection writes the trace id as 32 digits when its upper half is non-zero, else 16; the
 * parent id when there is one; {@code X-B3-Flags: 1} for debug, else {@code X-B3-Sampled: 1} or
 * {@code 0}, or neither when the decision is deferred.
 */
final class B3MultiPropagation implements Propagation {
  static final B3MultiPropagation INSTANCE = new B3MultiPropagation();

  static final String TRACE_ID = "X-B3-TraceId";
  static final String SPAN_ID = "X-B3-SpanId";
  static final String PARENT_SPAN_ID = "X-B3-ParentSpanId";
  static final String SAMPLED = "X-B3-Sampled";
  static final String FLAGS = "X-B3-Flags";

  private B3MultiPropagation() {
  }

  @Override
  public <C> @Nullable TraceContext extract(C carrier, Getter<C> getter) {
    TraceContext multi;
    try {
      multi = parse(carrier, getter);
    } catch (RuntimeException e) {
      multi = null; // a failing getter is an absent header
    }
    if (multi != null && multi.hasIds()) return multi;
    // As Brave's and OpenTelemetry's B3 propagators do, the single header is read too: an
    // OpenTelemetry service configured with "b3" writes only that one.
    TraceContext single = B3SinglePropagation.INSTANCE.extract(carrier, getter);
    if (single != null && (single.hasIds() || multi == null)) return single;
    return multi;
  }

  private static <C> @Nullable TraceContext parse(C carrier, Getter<C> getter) {
    int decision = sampled(getter.get(carrier, SAMPLED));
    if (decision < 0) return null;
    String flags = getter.get(carrier, FLAGS);
    if (flags != null && flags.length() == 1 && flags.charAt(0) == '1') decision = Wire.DEBUG;

    String traceIdString = getter.get(carrier, TRACE_ID);
    if (traceIdString == null) return Wire.decisionOnly(decision);
    long traceIdHigh;
    long traceId;
    int length = traceIdString.length();
    if (length == 16) {
      traceIdHigh = 0;
      traceId = Wire.hex16(traceIdString, 0);
      if (traceId == 0) return null;
    } else if (length == 32) {
      long a = Wire.hex8(traceIdString, 0);
      long b = Wire.hex8(traceIdString, 8);
      long c = Wire.hex8(traceIdString, 16);
      long d = Wire.hex8(traceIdString, 24);
      if ((a | b | c | d) < 0) return null;
      traceIdHigh = (a << 32) | b;
      traceId = (c << 32) | d;
      if ((traceIdHigh | traceId) == 0) return null;
    } else {
      return null;
    }
    String spanIdString = getter.get(carrier, SPAN_ID);
    long spanId = id(spanIdString);
    if (spanId == 0) return null;
    long parentId = 0;
    String parentIdString = getter.get(carrier, PARENT_SPAN_ID);
    if (parentIdString != null) {
      if (parentIdString.length() != 16) return null;
      parentId = Wire.hex16(parentIdString, 0);
      // All zeros means "no parent" (Brave rejects it here, but reads it so in the b3 header)
      if (parentId == 0 && !Wire.isZeros(parentIdString, 0, 16)) return null;
    }
    TraceContext.Builder b = Wire.builder(traceIdHigh, traceId, parentId, spanId, decision, null);
    // The digits were all lower-case hex, so each string is the id's own form and is kept for
    // injection; except a 128-bit trace id whose upper half is zero, which prints as 16 digits.
    return ParsedIds.get().build(b,
        length == 16 || traceIdHigh != 0 ? traceIdString : null,
        spanIdString,
        parentId != 0 ? parentIdString : null);
  }

  /** A 16-digit id, or 0 when absent or malformed. */
  private static long id(@Nullable String value) {
    if (value == null || value.length() != 16) return 0;
    return Wire.hex16(value, 0);
  }

  /** The decision in {@code X-B3-Sampled}; -1 when the value is not one B3 allows. */
  private static int sampled(@Nullable String value) {
    if (value == null) return Wire.DEFERRED;
    if (value.length() == 1) {
      char c = value.charAt(0);
      if (c == '1') return Wire.SAMPLED;
      if (c == '0') return Wire.NOT_SAMPLED;
      return -1;
    }
    if (value.equalsIgnoreCase("true")) return Wire.SAMPLED;
    if (value.equalsIgnoreCase("false")) return Wire.NOT_SAMPLED;
    return -1;
  }

  @Override
  public <C> void inject(TraceContext context, C carrier, Setter<C> setter) {
    if (context.hasIds()) {
      // The context's own hex forms (32 digits when the trace id's upper half is non-zero, else
      // 16, as B3 wants): made once per context, and shared with the contexts made from it.
      setter.set(carrier, TRACE_ID, context.traceIdString());
      setter.set(carrier, SPAN_ID, context.spanIdString());
      String parentId = context.parentIdString();
      if (parentId != null) setter.set(carrier, PARENT_SPAN_ID, parentId);
    }
    switch (Wire.decision(context)) {
      case Wire.DEBUG:
        setter.set(carrier, FLAGS, "1"); // debug implies sampled: Brave writes no X-B3-Sampled
        break;
      case Wire.SAMPLED:
        setter.set(carrier, SAMPLED, "1");
        break;
      case Wire.NOT_SAMPLED:
        setter.set(carrier, SAMPLED, "0");
        break;
      default:
        break;
    }
  }

  @Override
  public String toString() {
    return "Propagation.b3()";
  }
}
