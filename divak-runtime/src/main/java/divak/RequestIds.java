package divak;

import divak.propagation.Propagation;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/** The divák Request-Id: read, validated, generated. */
final class RequestIds {
  static final String DEFAULT_HEADER = "Request-Id";
  static final int MAX_LENGTH = 200;

  /** A random (version 4) UUID, from a fast non-cryptographic source: it is a correlation id. */
  static final Supplier<String> UUID_V4 = new Supplier<>() {
    @Override
    public String get() {
      ThreadLocalRandom r = ThreadLocalRandom.current();
      long msb = (r.nextLong() & ~0xf000L) | 0x4000L;
      long lsb = (r.nextLong() & ~(0xc000000000000000L)) | 0x8000000000000000L;
      return new java.util.UUID(msb, lsb).toString();
    }

    @Override
    public String toString() {
      return "UUIDv4";
    }
  };

  private final String header;
  private final Supplier<String> generator;

  RequestIds(String header, Supplier<String> generator) {
    this.header = header;
    this.generator = generator;
  }

  String header() {
    return header;
  }

  /** The valid Request-Id in the carrier, else a generated one, else null. */
  <C> String extract(C carrier, Propagation.Getter<C> getter) {
    String value;
    try {
      value = getter.get(carrier, header);
    } catch (RuntimeException e) {
      value = null;
    }
    if (value != null && isValid(value)) return value;
    return generate();
  }

  String generate() {
    if (generator == null) return null;
    String id = generator.get();
    return id != null && isValid(id) ? id : null;
  }

  /** 1 to 200 characters of printable ASCII: anything else could forge log lines or headers. */
  static boolean isValid(String value) {
    int length = value.length();
    if (length == 0 || length > MAX_LENGTH) return false;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) return false;
    }
    return true;
  }
}
