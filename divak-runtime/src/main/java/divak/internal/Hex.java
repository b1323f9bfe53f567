package divak.internal;

/**
 * Lower-case hex encoding and decoding of ids, without intermediate objects. Internal: not part of
 * the public API, and may change in any release.
 */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  /** 16 lower-case hex digits. */
  public static String toHex(long v) {
    char[] c = new char[16];
    write(v, c, 0);
    return new String(c);
  }

  /** 32 lower-case hex digits: {@code high} then {@code low}. */
  public static String toHex(long high, long low) {
    char[] c = new char[32];
    write(high, c, 0);
    write(low, c, 16);
    return new String(c);
  }

  /** Writes 16 lower-case hex digits of {@code v} into {@code out} at {@code pos}. */
  public static void write(long v, char[] out, int pos) {
    for (int i = 15; i >= 0; i--) {
      out[pos + i] = DIGITS[(int) (v & 0xf)];
      v >>>= 4;
    }
  }

  /** Writes 16 lower-case hex digits of {@code v} as ASCII bytes into {@code out} at {@code pos}. */
  public static void write(long v, byte[] out, int pos) {
    for (int i = 15; i >= 0; i--) {
      out[pos + i] = (byte) DIGITS[(int) (v & 0xf)];
      v >>>= 4;
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
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  }

  private Hex() {
  }
}
