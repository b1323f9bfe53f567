package divak.internal;

import java.util.Arrays;

/**
 * Lower-case hex encoding and decoding of ids, without intermediate objects. Internal: not part of
 * the public API, and may change in any release.
 */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  // Written for speed: parsing an id reads one table entry per digit instead of testing two
  // ranges, whose branches the CPU cannot predict on random ids (6 digits in 16 are letters).
  private static final byte[] DIGIT_VALUES = new byte[128];

  /** The two hex digits of each byte value, at 2 * value and 2 * value + 1. */
  private static final char[] BYTE_DIGITS = new char[512];

  static {
    for (int b = 0; b < 256; b++) {
      BYTE_DIGITS[2 * b] = DIGITS[b >> 4];
      BYTE_DIGITS[2 * b + 1] = DIGITS[b & 0xf];
    }
    Arrays.fill(DIGIT_VALUES, (byte) -1);
    for (int i = 0; i < DIGITS.length; i++) DIGIT_VALUES[DIGITS[i]] = (byte) i;
  }

  /** The length of {@link #buffer()}: room for the longest header value divak writes. */
  public static final int BUFFER_LENGTH = 128;

  // Written for speed: ids and header values are built in one char[] per thread, which
  // new String(buffer, 0, length) copies, so the String is the only allocation. A fresh char[] per
  // call was more than half of what extract + inject allocated (RATIONALE.md, "Benchmarks").
  private static final ThreadLocal<char[]> BUFFER =
      ThreadLocal.withInitial(() -> new char[BUFFER_LENGTH]);

  /**
   * This thread's scratch buffer of {@link #BUFFER_LENGTH} chars, for building a string that is
   * then copied out with {@code new String(buffer, 0, length)}. Its contents are undefined on
   * entry; it must not be held across a call to anything else that may use it.
   */
  public static char[] buffer() {
    return BUFFER.get();
  }

  /** 16 lower-case hex digits. */
  public static String toHex(long v) {
    char[] c = buffer();
    write(v, c, 0);
    return new String(c, 0, 16);
  }

  /** 32 lower-case hex digits: {@code high} then {@code low}. */
  public static String toHex(long high, long low) {
    char[] c = buffer();
    write(high, c, 0);
    write(low, c, 16);
    return new String(c, 0, 32);
  }

  /** Writes 16 lower-case hex digits of {@code v} into {@code out} at {@code pos}. */
  public static void write(long v, char[] out, int pos) {
    // Written for speed: two digits per step, from a table of the 256 byte values.
    for (int i = 14; i >= 0; i -= 2) {
      int b = (int) (v & 0xff) << 1;
      out[pos + i] = BYTE_DIGITS[b];
      out[pos + i + 1] = BYTE_DIGITS[b + 1];
      v >>>= 8;
    }
  }

  /** Writes 16 lower-case hex digits of {@code v} as ASCII bytes into {@code out} at {@code pos}. */
  public static void write(long v, byte[] out, int pos) {
    for (int i = 14; i >= 0; i -= 2) {
      int b = (int) (v & 0xff) << 1;
      out[pos + i] = (byte) BYTE_DIGITS[b];
      out[pos + i + 1] = (byte) BYTE_DIGITS[b + 1];
      v >>>= 8;
    }
  }

  /**
   * The value of the lower-case hex digits {@code s[begin, end)}, at most 16 of them; or -1L with
   * {@link #isLowerHex} false when any character is not a lower-case hex digit. Callers check the
   * characters first with {@link #isLowerHex}, since -1L is also a valid id.
   */
  public static long parse(CharSequence s, int begin, int end) {
    long v = 0;
    for (int i = begin; i < end; i++) {
      v = (v << 4) | digit(s.charAt(i));
    }
    return v;
  }

  /** True when every character of {@code s[begin, end)} is one of {@code 0-9a-f}. */
  public static boolean isLowerHex(CharSequence s, int begin, int end) {
    for (int i = begin; i < end; i++) {
      if (digit(s.charAt(i)) < 0) return false;
    }
    return true;
  }

  /** The value of one lower-case hex digit, or -1. */
  public static int digit(char c) {
    return c < DIGIT_VALUES.length ? DIGIT_VALUES[c] : -1;
  }

  private Hex() {
  }
}
