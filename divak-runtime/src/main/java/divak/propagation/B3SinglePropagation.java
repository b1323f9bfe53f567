package divak.propagation;

import divak.TraceContext;
import divak.internal.Hex;
import org.jspecify.annotations.Nullable;

/**
 * B3 in one header: {@code b3: {traceId}-{spanId}[-{1|0|d}[-{parentSpanId}]]}, or a decision
 * alone, {@code b3: 0}, {@code 1} or {@code d}.
 *
 * <p>The trace id is 16 or 32 lower-case hex digits, the span and parent ids 16; none may be all
 * zeros, except that an all-zero parent id means "no parent", as Brave reads it. The decision is
 * {@code 1}, {@code 0} or {@code d} (debug, which forces sampling). Brave writes a context whose
 * decision is deferred as {@code {traceId}-{spanId}-{parentSpanId}}, so that form is read too.
 * Anything else, including a value longer than the longest valid one ({@value #MAX_LENGTH}
 * characters), is malformed and ignored.
 *
 * <p>Injection writes {@code {traceId}-{spanId}-{1|0|d}[-{parentId}]}, the trace id as 32 digits
 * when its upper half is non-zero, else 16. A context with no decision is written as Brave writes
 * it, {@code {traceId}-{spanId}[-{parentId}]}; a context with no ids as its decision alone.
 */
final class B3SinglePropagation implements Propagation {
  static final B3SinglePropagation INSTANCE = new B3SinglePropagation();

  static final String B3 = "b3";
  /** 32 + 1 + 16 + 1 + 1 + 1 + 16: a 128-bit trace id, a decision and a parent id. */
  static final int MAX_LENGTH = 68;

  private B3SinglePropagation() {
  }

  @Override
  public <C> @Nullable TraceContext extract(C carrier, Getter<C> getter) {
    try {
      String b3 = getter.get(carrier, B3);
      return b3 == null ? null : parse(b3);
    } catch (RuntimeException e) {
      return null; // a failing getter is an absent header
    }
  }

  static @Nullable TraceContext parse(String b3) {
    int length = b3.length();
    if (length == 1) return Wire.decisionOnly(decision(b3.charAt(0)));
    if (length < 33 || length > MAX_LENGTH) return null;

    long traceIdHigh;
    long traceId;
    int pos;
    if (b3.charAt(16) == '-') {
      traceIdHigh = 0;
      traceId = Wire.hex16(b3, 0);
      if (traceId == 0) return null;
      pos = 17;
    } else if (length >= 49 && b3.charAt(32) == '-') {
      long a = Wire.hex8(b3, 0);
      long b = Wire.hex8(b3, 8);
      long c = Wire.hex8(b3, 16);
      long d = Wire.hex8(b3, 24);
      if ((a | b | c | d) < 0) return null;
      traceIdHigh = (a << 32) | b;
      traceId = (c << 32) | d;
      if ((traceIdHigh | traceId) == 0) return null;
      pos = 33;
    } else {
      return null;
    }

    // pos is where the span id starts; the length check above leaves room for it.
    long spanId = Wire.hex16(b3, pos);
    if (spanId == 0) return null;
    pos += 16;
    if (pos == length) return Wire.context(traceIdHigh, traceId, 0, spanId, Wire.DEFERRED, null);

    if (b3.charAt(pos) != '-') return null;
    int decision = Wire.DEFERRED;
    int parentAt;
    switch (length - pos) {
      case 2: // -{decision}
        decision = decision(b3.charAt(pos + 1));
        if (decision == Wire.DEFERRED) return null;
        return Wire.context(traceIdHigh, traceId, 0, spanId, decision, null);
      case 17: // -{parent}, as Brave writes a context whose decision is deferred
        parentAt = pos + 1;
        break;
      case 19: // -{decision}-{parent}
        decision = decision(b3.charAt(pos + 1));
        if (decision == Wire.DEFERRED || b3.charAt(pos + 2) != '-') return null;
        parentAt = pos + 3;
        break;
      default:
        return null;
    }
    long parentId = Wire.hex16(b3, parentAt);
    if (parentId == 0 && !Wire.isZeros(b3, parentAt, parentAt + 16)) return null;
    return Wire.context(traceIdHigh, traceId, parentId, spanId, decision, null);
  }

  /** The decision of one character, or {@link Wire#DEFERRED} when it is not one. */
  private static int decision(char c) {
    switch (c) {
      case '1':
        return Wire.SAMPLED;
      case '0':
        return Wire.NOT_SAMPLED;
      case 'd':
        return Wire.DEBUG;
      default:
        return Wire.DEFERRED;
    }
  }

  @Override
  public <C> void inject(TraceContext context, C carrier, Setter<C> setter) {
    int decision = Wire.decision(context);
    char decisionChar = decision == Wire.DEBUG ? 'd' : decision == Wire.SAMPLED ? '1' : '0';
    if (!context.hasIds()) {
      if (decision != Wire.DEFERRED) {
        setter.set(carrier, B3, decision == Wire.DEBUG ? "d" : decision == Wire.SAMPLED ? "1" : "0");
      }
      return;
    }
    char[] out = Hex.buffer(); // MAX_LENGTH fits
    int pos = 0;
    long traceIdHigh = context.traceIdHigh();
    if (traceIdHigh != 0) {
      Hex.write(traceIdHigh, out, pos);
      pos += 16;
    }
    Hex.write(context.traceId(), out, pos);
    pos += 16;
    out[pos++] = '-';
    Hex.write(context.spanId(), out, pos);
    pos += 16;
    if (decision != Wire.DEFERRED) {
      out[pos++] = '-';
      out[pos++] = decisionChar;
    }
    long parentId = context.parentId();
    if (parentId != 0) {
      out[pos++] = '-';
      Hex.write(parentId, out, pos);
      pos += 16;
    }
    setter.set(carrier, B3, new String(out, 0, pos));
  }

  @Override
  public String toString() {
    return "Propagation.b3Single()";
  }
}
