package divak.propagation;

import divak.TraceContext;
import divak.internal.Hex;
import org.jspecify.annotations.Nullable;

/**
 * What the three formats share: parsing ids out of a header without substrings, and building the
 * extracted context.
 */
final class Wire {
  /** No sampling decision: the sampler decides. */
  static final int DEFERRED = 0;
  static final int NOT_SAMPLED = 1;
  static final int SAMPLED = 2;
  /** Debug: forced sampling. */
  static final int DEBUG = 3;

  /**
   * The value of the 8 lower-case hex digits at {@code s[pos, pos + 8)}, or a negative number
   * when any of them is not one. The caller checks the length.
   *
   * <p>Written for speed: one pass that validates and parses. An invalid digit is -1, which sets
   * every bit; the 7 shifts after it at most keep bit 63 set, so the result is negative, while
   * 8 valid digits never exceed 32 bits. Two calls give a 64-bit id: {@code (a | b) < 0} rejects.
   */
  static long hex8(String s, int pos) {
    long v = 0;
    for (int i = pos, end = pos + 8; i < end; i++) {
      v = (v << 4) | Hex.digit(s.charAt(i));
    }
    return v;
  }

  /** The 16 lower-case hex digits at {@code s[pos, pos + 16)}, or 0 when any is not one. */
  static long hex16(String s, int pos) {
    long high = hex8(s, pos);
    long low = hex8(s, pos + 8);
    return (high | low) < 0 ? 0 : (high << 32) | low;
  }

  /** True when {@code s[begin, end)} is all {@code '0'}. */
  static boolean isZeros(String s, int begin, int end) {
    for (int i = begin; i < end; i++) {
      if (s.charAt(i) != '0') return false;
    }
    return true;
  }

  /**
   * An extracted context. Ids are checked by the caller; {@code decision} is one of {@link
   * #DEFERRED}, {@link #NOT_SAMPLED}, {@link #SAMPLED}, {@link #DEBUG}.
   */
  static TraceContext context(long traceIdHigh, long traceId, long parentId, long spanId,
      int decision, String traceState) {
    return builder(traceIdHigh, traceId, parentId, spanId, decision, traceState).build();
  }

  /** The same as {@link #context}, to add to before it is built. */
  static TraceContext.Builder builder(long traceIdHigh, long traceId, long parentId, long spanId,
      int decision, String traceState) {
    TraceContext.Builder b = TraceContext.builder()
        .traceIdHigh(traceIdHigh)
        .traceId(traceId)
        .parentId(parentId)
        .spanId(spanId)
        .traceState(traceState);
    decide(b, decision);
    return b;
  }

  /** A context with no ids that carries only a sampling decision, or null when there is none. */
  static @Nullable TraceContext decisionOnly(int decision) {
    if (decision == DEFERRED) return null;
    TraceContext.Builder b = TraceContext.builder();
    decide(b, decision);
    return b.build();
  }

  /** The decision of {@code context}. */
  static int decision(TraceContext context) {
    if (context.debug()) return DEBUG;
    Boolean sampled = context.sampled();
    if (sampled == null) return DEFERRED;
    return sampled ? SAMPLED : NOT_SAMPLED;
  }

  private static void decide(TraceContext.Builder b, int decision) {
    switch (decision) {
      case NOT_SAMPLED:
        b.sampled(Boolean.FALSE);
        break;
      case SAMPLED:
        b.sampled(Boolean.TRUE);
        break;
      case DEBUG:
        b.debug(true);
        break;
      default:
        break;
    }
  }

  private Wire() {
  }
}
