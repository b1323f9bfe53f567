package divak.jaxrs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the logger {@code divak.access}:
 * {@code {remote} "{METHOD} {uri}" {status} "{user-agent}" {seconds} {request-id}}, at INFO below
 * 400, WARN below 500 and ERROR above. What the client sent is escaped, so no line can be forged.
 */
final class AccessLog {
  static final String LOGGER_NAME = "divak.access";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
  private static final int MAX_FIELD = 512;

  void log(ServerExchange exchange, int status) {
    if (status < 400) {
      if (LOG.isInfoEnabled()) LOG.info(line(exchange, status));
    } else if (status < 500) {
      if (LOG.isWarnEnabled()) LOG.warn(line(exchange, status));
    } else if (LOG.isErrorEnabled()) {
      LOG.error(line(exchange, status));
    }
  }

  static String line(ServerExchange exchange, int status) {
    long micros = (System.nanoTime() - exchange.startNanos) / 1000;
    StringBuilder b = new StringBuilder(128);
    appendSafe(b, exchange.remote != null ? exchange.remote : "-");
    b.append(" \"");
    appendSafe(b, exchange.method);
    b.append(' ');
    appendSafe(b, exchange.uri);
    b.append("\" ").append(status).append(" \"");
    appendSafe(b, exchange.userAgent != null ? exchange.userAgent : "-");
    b.append("\" ");
    appendSeconds(b, micros);
    b.append(' ');
    appendSafe(b, exchange.requestId != null ? exchange.requestId : "-");
    return b.toString();
  }

  private static void appendSeconds(StringBuilder b, long micros) {
    long millis = Math.max(0, micros) / 1000;
    b.append(millis / 1000).append('.');
    long frac = millis % 1000;
    if (frac < 100) b.append('0');
    if (frac < 10) b.append('0');
    b.append(frac);
  }

  /**
   * Appends printable ASCII as is and escapes the rest ({@code \xHH}, {@code \\uHHHH}), as well
   * as quote and backslash, so a value can neither end the line nor close its quotes. A value with
   * nothing to escape, which is nearly every one, is appended whole.
   */
  static void appendSafe(StringBuilder b, String value) {
    if (value == null) {
      b.append('-');
      return;
    }
    int n = Math.min(value.length(), MAX_FIELD);
    int plain = 0;
    while (plain < n && isPlain(value.charAt(plain))) plain++;
    if (plain == value.length()) {
      b.append(value);
      return;
    }
    b.append(value, 0, plain);
    for (int i = plain; i < n; i++) {
      char c = value.charAt(i);
      if (isPlain(c)) {
        b.append(c);
      } else if (c < 0x100) {
        b.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
      } else {
        b.append("\\u");
        for (int shift = 12; shift >= 0; shift -= 4) b.append(Character.forDigit((c >> shift) & 15, 16));
      }
    }
    if (value.length() > MAX_FIELD) b.append("...");
  }

  private static boolean isPlain(char c) {
    return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
  }
}
