package divak.report;

import java.util.Arrays;

/**
 * Writes protocol buffers by hand into a growing array, so that the runtime needs no
 * protobuf-java (the OpenTelemetry SDK's exporters do the same).
 *
 * <p>Written for speed: a nested message is written in one pass. {@link #begin} leaves one byte
 * for the length and {@link #end} fills it in, moving the message right in the rare case that its
 * length needs more than one byte (128 bytes or more). That is one copy of a few hundred bytes per
 * span instead of a second pass that sizes every string.
 */
final class ProtoWriter {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LEN = 2;
  static final int FIXED32 = 5;

  byte[] buf;
  int pos;

  ProtoWriter(int capacity) {
    buf = new byte[capacity];
  }

  void reset() {
    pos = 0;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, pos);
  }

  private void ensure(int more) {
    if (pos + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
  }

  void tag(int field, int wireType) {
    varint((field << 3) | wireType);
  }

  void varint(long value) {
    ensure(10);
    while ((value & ~0x7FL) != 0) {
      buf[pos++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buf[pos++] = (byte) value;
  }

  void fixed64(long value) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      buf[pos++] = (byte) value;
      value >>>= 8;
    }
  }

  void fixed32(int value) {
    ensure(4);
    for (int i = 0; i < 4; i++) {
      buf[pos++] = (byte) value;
      value >>>= 8;
    }
  }

  /** A 64-bit id, big-endian, as OTLP's {@code bytes} ids are. */
  void idBytes(int field, long value) {
    tag(field, LEN);
    ensure(9);
    buf[pos++] = 8;
    for (int shift = 56; shift >= 0; shift -= 8) buf[pos++] = (byte) (value >>> shift);
  }

  /** A 128-bit trace id, big-endian. */
  void idBytes(int field, long high, long low) {
    tag(field, LEN);
    ensure(17);
    buf[pos++] = 16;
    for (int shift = 56; shift >= 0; shift -= 8) buf[pos++] = (byte) (high >>> shift);
    for (int shift = 56; shift >= 0; shift -= 8) buf[pos++] = (byte) (low >>> shift);
  }

  void bytes(int field, byte[] value) {
    tag(field, LEN);
    varint(value.length);
    raw(value);
  }

  /** Copies {@code length} bytes of {@code value} from {@code offset}. */
  void rawRange(byte[] value, int offset, int length) {
    ensure(length);
    System.arraycopy(value, offset, buf, pos, length);
    pos += length;
  }

  void raw(byte[] value) {
    ensure(value.length);
    System.arraycopy(value, 0, buf, pos, value.length);
    pos += value.length;
  }

  /** A string field, even when empty (for values, where empty differs from absent). */
  void string(int field, String value) {
    tag(field, LEN);
    int start = begin();
    utf8(value);
    end(start);
  }

  /**
   * Starts a length-delimited field whose tag was written; returns what {@link #end} needs. One
   * byte is left for the length.
   */
  int begin() {
    ensure(1);
    return ++pos;
  }

  /** Ends the field {@link #begin} started: writes its length, moving it when that is long. */
  void end(int start) {
    int length = pos - start;
    if (length < 0x80) {
      buf[start - 1] = (byte) length;
      return;
    }
    int lengthSize = varintSize(length);
    ensure(lengthSize - 1);
    System.arraycopy(buf, start, buf, start + lengthSize - 1, length);
    int p = start - 1;
    int v = length;
    while ((v & ~0x7F) != 0) {
      buf[p++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[p] = (byte) v;
    pos += lengthSize - 1;
  }

  static int varintSize(long value) {
    int size = 1;
    while ((value & ~0x7FL) != 0) {
      size++;
      value >>>= 7;
    }
    return size;
  }

  /** UTF-8; a lone surrogate, which has no UTF-8 form, is written as U+FFFD. */
  void utf8(String s) {
    int length = s.length();
    ensure(3 * length);
    byte[] b = buf;
    int p = pos;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        b[p++] = (byte) c;
      } else if (c < 0x800) {
        b[p++] = (byte) (0xC0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        char low = i + 1 < length ? s.charAt(i + 1) : 0;
        if (Character.isHighSurrogate(c) && Character.isLowSurrogate(low)) {
          int cp = Character.toCodePoint(c, low);
          i++;
          b[p++] = (byte) (0xF0 | (cp >> 18));
          b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          b[p++] = (byte) (0x80 | (cp & 0x3F));
        } else {
          b[p++] = (byte) 0xEF;
          b[p++] = (byte) 0xBF;
          b[p++] = (byte) 0xBD;
        }
      } else {
        b[p++] = (byte) (0xE0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    pos = p;
  }
}
