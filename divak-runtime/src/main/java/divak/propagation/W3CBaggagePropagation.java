package divak.propagation;

import divak.TraceContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * W3C Baggage: the {@code baggage} header, {@code key=value[;properties],...}.
 *
 * <p>Extraction never throws and never fails a request: a header longer than {@value
 * Baggage#MAX_BYTES} characters is ignored whole; a list member that is not {@code token=value}
 * (after trimming spaces and tabs), whose value holds a character the spec does not allow, or whose
 * percent-encoding is not valid UTF-8, is skipped; members after the {@value Baggage#MAX_ENTRIES}th
 * are dropped. Values are percent-decoded; properties are kept as written when they hold only
 * allowed characters, else dropped with their member.
 *
 * <p>Injection percent-encodes every byte of a value's UTF-8 that is not a baggage-octet, and
 * {@code %} itself, and stops before the member that would take the header past the spec's
 * limits. The extracted context carries no ids, only the baggage; {@code Divak.extract} joins it to
 * the context another format found.
 */
final class W3CBaggagePropagation implements Propagation {
  static final W3CBaggagePropagation INSTANCE = new W3CBaggagePropagation();
  static final String BAGGAGE = "baggage";

  private W3CBaggagePropagation() {
  }

  @Override
  public <C> @Nullable TraceContext extract(C carrier, Getter<C> getter) {
    try {
      String header = getter.get(carrier, BAGGAGE);
      if (header == null) return null;
      Baggage baggage = parse(header);
      if (baggage == null || baggage.isEmpty()) return null;
      return TraceContext.builder().baggage(baggage).build();
    } catch (RuntimeException e) {
      return null; // a failing getter is an absent header
    }
  }

  /** The baggage in {@code header}, or null when it is too long; invalid members are skipped. */
  static @Nullable Baggage parse(String header) {
    int length = header.length();
    if (length > Baggage.MAX_BYTES) return null;
    Baggage.Builder b = Baggage.builder();
    int count = 0;
    int start = 0;
    while (start <= length && count < Baggage.MAX_ENTRIES) {
      int end = header.indexOf(',', start);
      if (end < 0) end = length;
      if (member(header, start, end, b)) count++;
      start = end + 1;
    }
    return b.build();
  }

  // Reads one list member of header[begin, end) into b; false when it is empty or invalid.
  private static boolean member(String h, int begin, int end, Baggage.Builder b) {
    int semicolon = h.indexOf(';', begin);
    int valueEnd = semicolon >= 0 && semicolon < end ? semicolon : end;
    int eq = h.indexOf('=', begin);
    if (eq < 0 || eq >= valueEnd) return false;
    int keyBegin = skipOws(h, begin, eq);
    int keyEnd = trimOws(h, keyBegin, eq);
    if (!isToken(h, keyBegin, keyEnd)) return false;
    int vBegin = skipOws(h, eq + 1, valueEnd);
    int vEnd = trimOws(h, vBegin, valueEnd);
    for (int i = vBegin; i < vEnd; i++) {
      if (!isBaggageOctet(h.charAt(i))) return false;
    }
    String value = decode(h, vBegin, vEnd);
    if (value == null) return false;
    String properties = null;
    if (valueEnd < end) {
      int pBegin = skipOws(h, valueEnd + 1, end);
      int pEnd = trimOws(h, pBegin, end);
      for (int i = pBegin; i < pEnd; i++) {
        char c = h.charAt(i);
        if (!(isBaggageOctet(c) || c == ';' || c == '=' || c == ' ' || c == '\t')) return false;
      }
      if (pEnd > pBegin) properties = h.substring(pBegin, pEnd);
    }
    b.put(h.substring(keyBegin, keyEnd), value, properties);
    return true;
  }

  private static int skipOws(String s, int i, int end) {
    while (i < end && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
    return i;
  }

  private static int trimOws(String s, int begin, int end) {
    while (end > begin && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) end--;
    return end;
  }

  /** RFC 7230 token: one or more tchar. */
  static boolean isToken(String s, int begin, int end) {
    if (begin >= end) return false;
    for (int i = begin; i < end; i++) {
      char c = s.charAt(i);
      boolean tchar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!tchar) return false;
    }
    return true;
  }

  /** {@code %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E}: printable ASCII but {@code " , ; \}. */
  static boolean isBaggageOctet(char c) {
    return c >= 0x21 && c <= 0x7e && c != '"' && c != ',' && c != ';' && c != '\\';
  }

  // Percent-decodes s[begin, end) as UTF-8; null when the UTF-8 is malformed. A '%' not followed
  // by two hex digits is kept as it is, as OpenTelemetry does.
  private static @Nullable String decode(String s, int begin, int end) {
    if (s.indexOf('%', begin) < 0 || s.indexOf('%', begin) >= end) return s.substring(begin, end);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(end - begin);
    for (int i = begin; i < end; i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < end && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
        bytes.write((hex(s.charAt(i + 1)) << 4) | hex(s.charAt(i + 2)));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  @Override
  public <C> void inject(TraceContext context, C carrier, Setter<C> setter) {
    Baggage baggage = context.baggage();
    if (baggage == null || baggage.isEmpty()) return;
    String header = format(baggage);
    if (!header.isEmpty()) setter.set(carrier, BAGGAGE, header);
  }

  /** The header for {@code baggage}, within the spec's limits. */
  static String format(Baggage baggage) {
    StringBuilder out = new StringBuilder();
    int written = 0;
    for (int i = 0, n = baggage.size(); i < n && written < Baggage.MAX_ENTRIES; i++) {
      int mark = out.length();
      if (written > 0) out.append(',');
      out.append(baggage.key(i)).append('=');
      encode(baggage.value(i), out);
      String properties = baggage.propertiesAt(i);
      if (properties != null) out.append(';').append(properties);
      if (out.length() > Baggage.MAX_BYTES) {
        out.setLength(mark); // this member does not fit; a smaller later one may
        continue;
      }
      written++;
    }
    return out.toString();
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private static void encode(String value, StringBuilder out) {
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && isBaggageOctet(c) && c != '%') {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
  }

  @Override
  public String toString() {
    return "Propagation.baggage()";
  }
}
