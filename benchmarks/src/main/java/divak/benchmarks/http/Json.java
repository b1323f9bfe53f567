package divak.benchmarks.http;

import java.util.List;
import java.util.Map;

/** Writes maps, lists, strings, numbers and booleans as JSON: the driver's raw results. */
final class Json {
  private Json() {
  }

  static String write(Object value) {
    StringBuilder b = new StringBuilder();
    write(value, b, "");
    return b.append('\n').toString();
  }

  private static void write(Object value, StringBuilder b, String indent) {
    if (value == null) {
      b.append("null");
    } else if (value instanceof String s) {
      string(s, b);
    } else if (value instanceof Double d) {
      b.append(d.isNaN() || d.isInfinite() ? "null" : d.toString());
    } else if (value instanceof Number || value instanceof Boolean) {
      b.append(value);
    } else if (value instanceof Map<?, ?> map) {
      String inner = indent + "  ";
      b.append('{');
      String sep = "\n";
      for (Map.Entry<?, ?> e : map.entrySet()) {
        b.append(sep).append(inner);
        string(e.getKey().toString(), b);
        b.append(": ");
        write(e.getValue(), b, inner);
        sep = ",\n";
      }
      b.append(map.isEmpty() ? "}" : "\n" + indent + "}");
    } else if (value instanceof List<?> list) {
      String inner = indent + "  ";
      b.append('[');
      String sep = "\n";
      for (Object item : list) {
        b.append(sep).append(inner);
        write(item, b, inner);
        sep = ",\n";
      }
      b.append(list.isEmpty() ? "]" : "\n" + indent + "]");
    } else {
      throw new IllegalArgumentException("not JSON: " + value.getClass());
    }
  }

  private static void string(String s, StringBuilder b) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
        }
      }
    }
    b.append('"');
  }
}
