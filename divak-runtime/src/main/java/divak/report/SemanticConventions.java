package divak.report;

/**
 * How divak's span tags, which keep the Zipkin and Brave names the Zipkin UI reads, become
 * OpenTelemetry attributes in OTLP: the stable HTTP semantic conventions (v1.23 and later) and
 * their types. The table is in README.md and RATIONALE.md.
 *
 * <pre>
 * Zipkin tag          OTLP attribute               type
 * http.method         http.request.method          string
 * http.status_code    http.response.status_code    int
 * http.path           url.path                     string
 * http.route          http.route                   string
 * http.url            url.full                     string
 * http.host           server.address               string
 * error               span status ERROR, its message; and error.type
 * exception.type      the exception event (error.type when it is the error)
 * anything else       the same key, typed by its value's form
 * </pre>
 */
final class SemanticConventions {
  /** Tag keys that are the span's status or its exception event rather than attributes. */
  static final String ERROR = "error";
  static final String EXCEPTION_TYPE = "exception.type";
  static final String STATUS_CODE = "http.status_code";

  static final int STRING = 0;
  static final int INT = 1;
  static final int DOUBLE = 2;
  static final int BOOL = 3;

  /** The OpenTelemetry name of a divak tag key. */
  static String attributeKey(String tagKey) {
    switch (tagKey) {
      case "http.method":
        return "http.request.method";
      case "http.status_code":
        return "http.response.status_code";
      case "http.path":
        return "url.path";
      case "http.url":
        return "url.full";
      case "http.host":
        return "server.address";
      default:
        return tagKey;
    }
  }

  /**
   * The type an attribute is written with. The conventions' own keys have fixed types; other tags
   * are typed by the form of their value, because a span keeps tag values as the strings Zipkin
   * needs: {@code true}/{@code false} is a bool, a canonical decimal long ({@code 42}, not {@code
   * 042} or {@code +42}) an int, a canonical double ({@code 0.25}, {@code 1.0E10}) a double.
   */
  static int type(String attributeKey, String value) {
    switch (attributeKey) {
      case "http.request.method":
      case "url.path":
      case "url.full":
      case "http.route":
      case "server.address":
        return STRING;
      case "http.response.status_code":
        return isCanonicalLong(value) ? INT : STRING;
      default:
        break;
    }
    if (value.equals("true") || value.equals("false")) return BOOL;
    if (isCanonicalLong(value)) return INT;
    if (isCanonicalDouble(value)) return DOUBLE;
    return STRING;
  }

  static boolean isCanonicalLong(String s) {
    int length = s.length();
    if (length == 0 || length > 20) return false;
    int i = s.charAt(0) == '-' ? 1 : 0;
    if (i == length) return false;
    if (s.charAt(i) == '0' && length > i + 1) return false; // leading zero
    for (int j = i; j < length; j++) {
      char c = s.charAt(j);
      if (c < '0' || c > '9') return false;
    }
    if (i == 1 && length == 2 && s.charAt(1) == '0') return false; // -0
    try {
      Long.parseLong(s);
      return true;
    } catch (NumberFormatException e) {
      return false; // beyond a long
    }
  }

  /** As {@link Double#toString} writes a finite double with a point: what tag(key, double) wrote. */
  static boolean isCanonicalDouble(String s) {
    int length = s.length();
    if (length < 3 || length > 26 || s.indexOf('.') < 0) return false;
    char first = s.charAt(0);
    if (first != '-' && (first < '0' || first > '9')) return false;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || c == '.' || c == 'E' || c == '-')) return false;
    }
    try {
      return Double.toString(Double.parseDouble(s)).equals(s);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private SemanticConventions() {
  }
}
