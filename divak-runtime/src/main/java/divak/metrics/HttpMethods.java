package divak.metrics;

/**
 * Maps a request method to a label value from a fixed set, so that a client sending made-up
 * methods cannot create series. Unknown methods become {@code _OTHER}, as in OpenTelemetry.
 */
final class HttpMethods {
  static final String OTHER = "_OTHER";
  static final String[] ALL = {
      "CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE", OTHER
  };

  /** Index into {@link #ALL}; a switch on the string hashes and compares, allocating nothing. */
  static int index(String method) {
    if (method == null) return ALL.length - 1;
    switch (method) {
      case "CONNECT": return 0;
      case "DELETE": return 1;
      case "GET": return 2;
      case "HEAD": return 3;
      case "OPTIONS": return 4;
      case "PATCH": return 5;
      case "POST": return 6;
      case "PUT": return 7;
      case "TRACE": return 8;
      default: return ALL.length - 1;
    }
  }

  private HttpMethods() {
  }
}
