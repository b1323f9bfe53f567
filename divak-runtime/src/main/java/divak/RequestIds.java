package divak;

import divak.propagation.Propagation;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The divak Request-Id: read from the request, validated, else generated.
 *
 * <p>A Request-Id is relayed to the response, to outgoing calls and to log lines, so a value that
 * could forge a log line or a header (line breaks, control characters, non-ASCII), break out of a
 * quoted log field ({@code "}, {@code \}, space) or flood one (more than {@value #MAX_LENGTH}
 * characters) is not trusted: it is replaced by a generated one, or dropped when generation is off.
 */
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
      return new UUID(msb, lsb).toString();
    }

    @Override
    public String toString() {
      return "UUIDv4";
    }
  };

  private final String header;
  private final @Nullable Supplier<String> generator;

  RequestIds(String header, @Nullable Supplier<String> generator) {
    this.header = header;
    this.generator = generator;
  }

  String header() {
    return header;
  }

  /** The valid Request-Id in the carrier, else a generated one, else null. Never throws. */
  <C> @Nullable String extract(C carrier, Propagation.Getter<C> getter) {
    String value;
    try {
      value = getter.get(carrier, header);
    } catch (RuntimeException e) {
      value = null; // a failing getter is an absent header
    }
    if (value != null && isValid(value)) return value;
    return generate();
  }

  /** A new Request-Id, or null when generation is off or the generator fails. */
  @Nullable String generate() {
    if (generator == null) return null;
    String id;
    try {
      id = generator.get();
    } catch (RuntimeException e) {
      return null; // a broken generator must not fail the request
    }
    return id != null && isValid(id) ? id : null;
  }

  /**
   * 1 to {@value #MAX_LENGTH} characters of visible ASCII ({@code !} to {@code ~}) other than
   * {@code "} and {@code \}: safe in a header, in a log line and inside a quoted log field. The
   * length is checked before any character is read, so a huge value costs nothing.
   */
  static boolean isValid(String value) {
    int length = value.length();
    if (length == 0 || length > MAX_LENGTH) return false;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c <= 0x20 || c > 0x7e || c == '"' || c == '\\') return false;
    }
    return true;
  }

  /**
   * True when {@code name} is an HTTP header name (RFC 9110 {@code token}: letters, digits and
   * {@code !#$%&'*+-.^_`|~}).
   */
  static boolean isHeaderName(String name) {
    int length = name.length();
    if (length == 0) return false;
    for (int i = 0; i < length; i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) return false;
    }
    return true;
  }
}
