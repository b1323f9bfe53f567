package divak.report;

/**
 * Sizes and writes JSON strings and numbers as UTF-8 bytes straight into an array, so that a span
 * is encoded in two passes over its fields (size, then write) with one allocation: the result.
 *
 * <p>Strings are escaped as JSON requires: {@code "} and {@code \}, the short escapes {@code \b
 * \f \n \r \t}, other control characters as {@code \}{@code u00XX}, and U+2028/U+2029 as {@code
 * \}{@code u2028}/{@code \}{@code u2029} (legal in JSON, but not in JavaScript source; zipkin2
 * escapes them too). Everything else is written as UTF-8; a surrogate pair becomes one 4-byte
 * sequence, and a lone surrogate, which has no UTF-8 form, becomes U+FFFD.
 */
final class JsonBytes {
  private static final byte[] HEX = {
      '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'
  };

  /** The escape of each ASCII character, or null when it is written as is. */
  private static final byte[][] ASCII_ESCAPES = new byte[128][];

  static {
    for (int c = 0; c < 0x20; c++) {
      ASCII_ESCAPES[c] = new byte[] {'\\', 'u', '0', '0', HEX[c >> 4], HEX[c & 0xf]};
    }
    ASCII_ESCAPES['"'] = new byte[] {'\\', '"'};
    ASCII_ESCAPES['\\'] = new byte[] {'\\', '\\'};
    ASCII_ESCAPES['\b'] = new byte[] {'\\', 'b'};
    ASCII_ESCAPES['\f'] = new byte[] {'\\', 'f'};
    ASCII_ESCAPES['\n'] = new byte[] {'\\', 'n'};
    ASCII_ESCAPES['\r'] = new byte[] {'\\', 'r'};
    ASCII_ESCAPES['\t'] = new byte[] {'\\', 't'};
  }

  /** The number of bytes {@link #writeEscaped} writes for {@code s}, without the quotes. */
  static int escapedSize(String s) {
    int size = 0;
    int length = s.length();
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        byte[] escape = ASCII_ESCAPES[c];
        size += escape == null ? 1 : escape.length;
      } else if (c < 0x800) {
        size += 2;
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < length
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          size += 4;
          i++;
        } else {
          size += 3; // U+FFFD
        }
      } else if (c == '\u2028' || c == '\u2029') {
        size += 6;
      } else {
        size += 3;
      }
    }
    return size;
  }

  /** Writes {@code s} escaped, without quotes, at {@code pos}; returns the position after it. */
  static int writeEscaped(String s, byte[] out, int pos) {
    int length = s.length();
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        byte[] escape = ASCII_ESCAPES[c];
        if (escape == null) {
          out[pos++] = (byte) c;
        } else {
          for (byte b : escape) out[pos++] = b;
        }
      } else if (c < 0x800) {
        out[pos++] = (byte) (0xc0 | (c >> 6));
        out[pos++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isSurrogate(c)) {
        char low;
        if (Character.isHighSurrogate(c) && i + 1 < length
            && Character.isLowSurrogate(low = s.charAt(i + 1))) {
          int codePoint = Character.toCodePoint(c, low);
          out[pos++] = (byte) (0xf0 | (codePoint >> 18));
          out[pos++] = (byte) (0x80 | ((codePoint >> 12) & 0x3f));
          out[pos++] = (byte) (0x80 | ((codePoint >> 6) & 0x3f));
          out[pos++] = (byte) (0x80 | (codePoint & 0x3f));
          i++;
        } else { // a lone surrogate: U+FFFD
          out[pos++] = (byte) 0xef;
          out[pos++] = (byte) 0xbf;
          out[pos++] = (byte) 0xbd;
        }
      } else if (c == '\u2028' || c == '\u2029') {
        out[pos++] = '\\';
        out[pos++] = 'u';
        out[pos++] = '2';
        out[pos++] = '0';
        out[pos++] = '2';
        out[pos++] = c == '\u2028' ? (byte) '8' : (byte) '9';
      } else {
        out[pos++] = (byte) (0xe0 | (c >> 12));
        out[pos++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        out[pos++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    return pos;
  }

  /** The number of bytes of {@code v} in decimal. */
  static int longSize(long v) {
    if (v < 0) return v == Long.MIN_VALUE ? 20 : 1 + longSize(-v);
    int digits = 1;
    for (long limit = 10; digits < 19 && v >= limit; limit *= 10) digits++;
    return digits;
  }

  /** Writes {@code v} in decimal at {@code pos}; returns the position after it. */
  static int writeLong(long v, byte[] out, int pos) {
    if (v < 0) {
      if (v == Long.MIN_VALUE) return writeAscii("-9223372036854775808", out, pos);
      out[pos++] = '-';
      v = -v;
    }
    int end = pos + longSize(v);
    int i = end;
    do {
      out[--i] = (byte) ('0' + (int) (v % 10));
      v /= 10;
    } while (v != 0);
    return end;
  }

  /** Writes an ASCII constant. */
  static int writeAscii(String ascii, byte[] out, int pos) {
    for (int i = 0, n = ascii.length(); i < n; i++) out[pos++] = (byte) ascii.charAt(i);
    return pos;
  }

  /** Writes bytes. */
  static int write(byte[] bytes, byte[] out, int pos) {
    System.arraycopy(bytes, 0, out, pos, bytes.length);
    return pos + bytes.length;
  }

  private JsonBytes() {
  }
}
