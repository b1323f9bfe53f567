package divak.metrics;

import java.io.IOException;

/** Writes the pieces of the Prometheus text format, version 0.0.4. */
final class PrometheusText {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  static void header(Appendable out, String name, String type, String help) throws IOException {
    out.append("# HELP ").append(name).append(' ');
    escape(out, help, false);
    out.append("\n# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  /** Starts a sample line: {@code name{label="value"}. Labels follow with {@link #label}. */
  static void start(Appendable out, String name) throws IOException {
    out.append(name).append('{');
  }

  /** One label; {@code first} omits the comma before it. */
  static void label(Appendable out, boolean first, String name, String value) throws IOException {
    if (!first) out.append(',');
    out.append(name).append("=\"");
    escape(out, value, true);
    out.append('"');
  }

  static void end(Appendable out, long value) throws IOException {
    out.append("} ").append(Long.toString(value)).append('\n');
  }

  static void end(Appendable out, double value) throws IOException {
    out.append("} ").append(formatDouble(value)).append('\n');
  }

  static String formatDouble(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) return Long.toString((long) value);
    return Double.toString(value); // Go's ParseFloat reads Java's 1.0E-5 form
  }

  /**
   * Escapes a label value (backslash, double quote, newline) or a HELP text (backslash and
   * newline only), as the text format requires.
   */
  static void escape(Appendable out, String s, boolean quote) throws IOException {
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String replacement;
      if (c == '\\') {
        replacement = "\\\\";
      } else if (c == '\n') {
        replacement = "\\n";
      } else if (c == '"' && quote) {
        replacement = "\\\"";
      } else {
        continue;
      }
      out.append(s, start, i).append(replacement);
      start = i + 1;
    }
    out.append(s, start, s.length());
  }

  private PrometheusText() {
  }
}
