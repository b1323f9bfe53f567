package divak.benchmarks.http;

/**
 * Counts the spans of an OTLP {@code ExportTraceServiceRequest} by kind, walking the protobuf wire
 * format: field 1 {@code ResourceSpans}, in it field 2 {@code ScopeSpans}, in it field 2 {@code
 * Span}, whose field 6 is the kind (1 internal, 2 server, 3 client, 4 producer, 5 consumer). No
 * generated classes: the three levels are all the sink needs.
 */
final class OtlpSpanCounter {
  static final int KIND_INTERNAL = 1;
  static final int KIND_SERVER = 2;
  static final int KIND_CLIENT = 3;

  private OtlpSpanCounter() {
  }

  /**
   * Adds one to {@code byKind[kind]} for each span in {@code message} (index 0 for a span without
   * a kind or with one beyond 5).
   *
   * @throws IllegalArgumentException when the bytes are not a well-formed message
   */
  static void count(byte[] message, long[] byKind) {
    new Reader(message, 0, message.length).each(1, (b, from, to) ->
        new Reader(b, from, to).each(2, (b2, from2, to2) ->
            new Reader(b2, from2, to2).each(2, (b3, from3, to3) -> {
              long kind = new Reader(b3, from3, to3).varintField(6);
              byKind[kind >= 1 && kind <= 5 ? (int) kind : 0]++;
            })));
  }

  /** A length-delimited field's bytes: {@code bytes[from, to)}. */
  interface Field {
    void accept(byte[] bytes, int from, int to);
  }

  /** Reads the fields of one message, {@code bytes[pos, end)}. */
  private static final class Reader {
    private final byte[] bytes;
    private int pos;
    private final int end;

    Reader(byte[] bytes, int pos, int end) {
      this.bytes = bytes;
      this.pos = pos;
      this.end = end;
    }

    /** Calls {@code field} for each length-delimited field numbered {@code number}. */
    void each(int number, Field field) {
      while (pos < end) {
        long tag = varint();
        int wireType = (int) (tag & 7);
        if (wireType == 2) {
          int length = checkedLength(varint());
          if ((tag >>> 3) == number) field.accept(bytes, pos, pos + length);
          pos += length;
        } else {
          skip(wireType);
        }
      }
    }

    /** The last value of the varint field {@code number}, 0 when absent (protobuf's default). */
    long varintField(int number) {
      long value = 0;
      while (pos < end) {
        long tag = varint();
        int wireType = (int) (tag & 7);
        if (wireType == 0 && (tag >>> 3) == number) {
          value = varint();
        } else if (wireType == 2) {
          int length = checkedLength(varint()); // before pos is read: varint() moves it
          pos += length;
        } else {
          skip(wireType);
        }
      }
      return value;
    }

    private void skip(int wireType) {
      switch (wireType) {
        case 0 -> varint();
        case 1 -> pos = checked(pos + 8);
        case 5 -> pos = checked(pos + 4);
        default -> throw new IllegalArgumentException("wire type " + wireType + " at " + pos);
      }
    }

    private int checkedLength(long length) {
      if (length < 0 || length > end - pos) {
        throw new IllegalArgumentException("length " + length + " beyond the message at " + pos);
      }
      return (int) length;
    }

    private int checked(int newPos) {
      if (newPos > end) throw new IllegalArgumentException("truncated at " + pos);
      return newPos;
    }

    private long varint() {
      long value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= end) throw new IllegalArgumentException("truncated varint at " + pos);
        byte b = bytes[pos++];
        value |= (long) (b & 0x7f) << shift;
        if (b >= 0) return value;
      }
      throw new IllegalArgumentException("varint longer than 10 bytes at " + pos);
    }
  }
}
