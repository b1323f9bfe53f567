package divak.propagation;

import divak.TraceContext;
import divak.internal.Hex;
import org.jspecify.annotations.Nullable;

/**
 * W3C Trace Context, level 1 and 2: {@code traceparent} and {@code tracestate}.
 *
 * <p>{@code traceparent} is {@code {version}-{32 hex trace id}-{16 hex parent id}-{2 hex flags}},
 * lower-case only. Version {@code 00} is exactly 55 characters. Version {@code ff} is invalid. A
 * later version is read as version {@code 00} and may be followed by more fields after a {@code
 * -}, which are ignored. All-zero ids are invalid. Of the flags, the sampled bit and Level 2's "random trace id" bit
 * ({@code 02}) are read; the latter is passed on unchanged.
 * Spaces and tabs around the value (HTTP's optional whitespace) are ignored.
 *
 * <p>{@code tracestate} is read only when {@code traceparent} is valid and is passed on unchanged.
 * It is dropped, as the spec allows, when it is longer than {@value #MAX_TRACESTATE_LENGTH}
 * characters or holds anything other than printable ASCII, space and tab (it is written onto
 * outgoing requests, so it must not smuggle a line break into them).
 *
 * <p>Injection always writes version {@code 00}, a 64-bit trace id left-padded with zeros to 32
 * digits, and flags {@code 01} when sampled or debug, else {@code 00}, plus {@code 02} when the caller set
 * the random flag ({@code 03} stays {@code 03}). W3C has no "deferred": a
 * context without a decision is written {@code 00}, which says "the caller did not record", not
 * "do not record".
 */
final class W3CPropagation implements Propagation {
  static final W3CPropagation INSTANCE = new W3CPropagation();

  static final String TRACEPARENT = "traceparent";
  static final String TRACESTATE = "tracestate";
  /** The length of a version 00 {@code traceparent}. */
  static final int TRACEPARENT_LENGTH = 55;
  /** Longer {@code traceparent} values, of any version, are rejected before they are scanned. */
  static final int MAX_TRACEPARENT_LENGTH = 512;
  /** The spec lets a vendor drop a {@code tracestate} it cannot hold; it suggests 512. */
  static final int MAX_TRACESTATE_LENGTH = 512;

  private W3CPropagation() {
  }

  @Override
  public <C> @Nullable TraceContext extract(C carrier, Getter<C> getter) {
    try {
      String traceparent = getter.get(carrier, TRACEPARENT);
      if (traceparent == null) return null;
      return parse(traceparent, carrier, getter);
    } catch (RuntimeException e) {
      return null; // a failing getter is an absent header
    }
  }

  private static <C> @Nullable TraceContext parse(String tp, C carrier, Getter<C> getter) {
    int length = tp.length();
    if (length < TRACEPARENT_LENGTH || length > MAX_TRACEPARENT_LENGTH) return null;
    if (isOws(tp.charAt(0)) || isOws(tp.charAt(length - 1))) {
      // HTTP lets a header value be padded with spaces and tabs, and the W3C test suite sends
      // such values. Containers strip them, so this rare path may allocate.
      tp = stripOws(tp);
      length = tp.length();
      if (length < TRACEPARENT_LENGTH) return null;
    }
    int v0 = Hex.digit(tp.charAt(0));
    int v1 = Hex.digit(tp.charAt(1));
    if ((v0 | v1) < 0) return null;
    int version = (v0 << 4) | v1;
    if (version == 0xff) return null;
    if (length > TRACEPARENT_LENGTH && (version == 0 || tp.charAt(TRACEPARENT_LENGTH) != '-')) {
      return null; // version 00 has exactly four fields; later versions separate more with '-'
    }
    if (tp.charAt(2) != '-' || tp.charAt(35) != '-' || tp.charAt(52) != '-') return null;
    long a = Wire.hex8(tp, 3);
    long b = Wire.hex8(tp, 11);
    long c = Wire.hex8(tp, 19);
    long d = Wire.hex8(tp, 27);
    long e = Wire.hex8(tp, 36);
    long f = Wire.hex8(tp, 44);
    int flags0 = Hex.digit(tp.charAt(53));
    int flags1 = Hex.digit(tp.charAt(54));
    if ((a | b | c | d | e | f | flags0 | flags1) < 0) return null;
    long traceIdHigh = (a << 32) | b;
    long traceId = (c << 32) | d;
    long spanId = (e << 32) | f;
    if ((traceIdHigh | traceId) == 0 || spanId == 0) return null;
    int decision = (flags1 & 1) != 0 ? Wire.SAMPLED : Wire.NOT_SAMPLED;
    String traceState = traceState(getter.get(carrier, TRACESTATE));
    TraceContext.Builder context = Wire.builder(traceIdHigh, traceId, 0, spanId, decision, traceState);
    if ((flags1 & 2) != 0) context.traceIdRandom(true); // Level 2: passed on as received
    return context.build();
  }

  private static boolean isOws(char c) {
    return c == ' ' || c == '\t';
  }

  private static String stripOws(String s) {
    int begin = 0;
    int end = s.length();
    while (begin < end && isOws(s.charAt(begin))) begin++;
    while (end > begin && isOws(s.charAt(end - 1))) end--;
    return s.substring(begin, end);
  }

  /** {@code value} when it may be passed on, else null. */
  static @Nullable String traceState(@Nullable String value) {
    if (value == null) return null;
    int length = value.length();
    if (length == 0 || length > MAX_TRACESTATE_LENGTH) return null;
    for (int i = 0; i < length; i++) {
      char ch = value.charAt(i);
      if ((ch < 0x20 && ch != '\t') || ch > 0x7e) return null;
    }
    return value;
  }

  @Override
  public <C> void inject(TraceContext context, C carrier, Setter<C> setter) {
    if (!context.hasIds()) return; // W3C cannot carry a decision alone
    char[] out = Hex.buffer();
    out[0] = '0';
    out[1] = '0';
    out[2] = '-';
    Hex.write(context.traceIdHigh(), out, 3);
    Hex.write(context.traceId(), out, 19);
    out[35] = '-';
    Hex.write(context.spanId(), out, 36);
    out[52] = '-';
    out[53] = '0';
    // debug implies sampled; the Level 2 "random trace id" flag is passed on as received
    out[54] = (char) ('0' + (context.isSampled() ? 1 : 0) + (context.traceIdRandom() ? 2 : 0));
    setter.set(carrier, TRACEPARENT, new String(out, 0, TRACEPARENT_LENGTH));
    String traceState = context.traceState();
    if (traceState != null) setter.set(carrier, TRACESTATE, traceState);
  }

  @Override
  public String toString() {
    return "Propagation.w3c()";
  }
}
