package divak.propagation;

import divak.Divak;
import divak.Sampler;
import divak.TraceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * No header set hurts: 100,000 arbitrary and mutated header sets (5,000 + 35,000 + 60,000 tries)
 * are read through {@link Divak#extract} with every format configured, and through each format
 * alone.
 * Nothing throws; every context read is valid (non-zero lower-case ids that were in the headers,
 * that write and read back the same); every Request-Id that reaches the context is 1 to 200
 * printable ASCII characters, and every {@code tracestate} is safe to write into a header.
 */
class HostileHeadersPropertyTest {
  static final String[] NAMES = {
      "traceparent", "tracestate", "b3", "X-B3-TraceId", "X-B3-SpanId", "X-B3-ParentSpanId",
      "X-B3-Sampled", "X-B3-Flags", "Request-Id"};
  static final Propagation[] FORMATS = {Propagation.w3c(), Propagation.b3(), Propagation.b3Single()};
  static final Divak DIVAK = Divak.builder().serviceName("hostile").sampler(Sampler.never())
      .propagation(Propagation.w3c(), Propagation.b3(), Propagation.b3Single()).build();
  static final Divak NO_GENERATION = Divak.builder().serviceName("hostile")
      .sampler(Sampler.never()).generateRequestIds(false)
      .propagation(Propagation.b3Single(), Propagation.b3(), Propagation.w3c()).build();

  /** Characters that are near misses for ids, delimiters, and the dangerous ones. */
  static final String NEAR_MISSES = "0123456789abcdef0123456789abcdefABCDEFgxz-_,;. \t\r\n\u0000\u007f"
      + "\u00e9\u0660\uff10\ud83d";

  @Provide
  Arbitrary<String> values() {
    Arbitrary<String> nearMisses = Arbitraries.strings().withChars(NEAR_MISSES.toCharArray())
        .ofMaxLength(80);
    Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(80);
    Arbitrary<String> exactLengths = Arbitraries.of(1, 16, 17, 32, 33, 35, 49, 55, 56, 68, 69, 200, 201)
        .flatMap(n -> Arbitraries.strings().withChars(NEAR_MISSES.toCharArray()).ofLength(n));
    Arbitrary<String> huge = Arbitraries.integers().between(513, 20_000)
        .map(n -> "0".repeat(n)).withoutEdgeCases();
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, nearMisses),
        net.jqwik.api.Tuple.of(3, anything),
        net.jqwik.api.Tuple.of(4, exactLengths),
        net.jqwik.api.Tuple.of(1, huge));
  }

  @Provide
  Arbitrary<Map<String, String>> arbitraryHeaderSets() {
    return net.jqwik.api.Combinators.combine(
            Arbitraries.subsetOf(NAMES), values().list().ofSize(NAMES.length))
        .as((names, values) -> {
          Map<String, String> headers = new LinkedHashMap<>();
          int i = 0;
          for (String name : NAMES) {
            if (names.contains(name)) headers.put(name, values.get(i));
            i++;
          }
          return headers;
        });
  }

  @Property(tries = 5_000, shrinking = ShrinkingMode.BOUNDED)
  @Label("arbitrary header sets")
  void arbitrary(@ForAll("arbitraryHeaderSets") Map<String, String> headers) {
    check(headers);
  }

  /** As {@link #arbitrary}, from a seed: jqwik's generation of strings is too slow for 35,000. */
  @Property(tries = 35_000, shrinking = ShrinkingMode.OFF)
  @Label("arbitrary header sets, from a seed")
  void arbitrarySeeded(@ForAll long seed) {
    Random random = new Random(seed);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : NAMES) {
      if (random.nextInt(3) == 0) continue;
      headers.put(name, randomValue(random));
    }
    check(headers);
  }

  static String randomValue(Random random) {
    int kind = random.nextInt(14);
    if (kind == 0) return "0".repeat(513 + random.nextInt(20_000)); // oversized
    int[] lengths = {0, 1, 16, 17, 32, 33, 35, 49, 55, 56, 68, 69, 200, 201};
    int length = kind < 5 ? random.nextInt(80) : lengths[random.nextInt(lengths.length)];
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = kind < 3 ? (char) random.nextInt(Character.MAX_VALUE + 1)
          : NEAR_MISSES.charAt(random.nextInt(NEAR_MISSES.length()));
    }
    return new String(chars);
  }

  @Property(tries = 60_000, shrinking = ShrinkingMode.BOUNDED)
  @Label("valid header sets, mutated")
  void mutated(@ForAll long seed) {
    Random random = new Random(seed);
    Map<String, String> headers = validHeaders(random);
    int mutations = 1 + random.nextInt(3);
    List<String> names = new ArrayList<>(headers.keySet());
    for (int i = 0; i < mutations; i++) {
      String name = names.get(random.nextInt(names.size()));
      headers.put(name, mutate(headers.get(name), random));
    }
    check(headers);
  }

  /** Every format of a random context, and a Request-Id, as divak writes them. */
  static Map<String, String> validHeaders(Random random) {
    TraceContext.Builder b = TraceContext.builder()
        .traceIdHigh(random.nextBoolean() ? 0 : random.nextLong())
        .traceId(random.nextLong() | 1)
        .spanId(random.nextLong() | 2)
        .parentId(random.nextBoolean() ? 0 : random.nextLong());
    switch (random.nextInt(4)) {
      case 0: b.sampled(true); break;
      case 1: b.sampled(false); break;
      case 2: b.debug(true); break;
      default: break;
    }
    b.traceState("rojo=00f067aa0ba902b7");
    Map<String, String> headers = new LinkedHashMap<>();
    for (Propagation p : FORMATS) p.inject(b.build(), headers, Propagation.mapSetter());
    headers.put("Request-Id", "5f0c3d2e-8b1a-4c6d-9e7f-0a1b2c3d4e5f");
    return headers;
  }

  static String mutate(String v, Random random) {
    int n = v.length();
    char c = NEAR_MISSES.charAt(random.nextInt(NEAR_MISSES.length()));
    int at = n == 0 ? 0 : random.nextInt(n);
    switch (random.nextInt(10)) {
      case 0: return n == 0 ? v : v.substring(0, at) + c + v.substring(at + 1); // replace
      case 1: return v.substring(0, at) + c + v.substring(at); // insert
      case 2: return n == 0 ? v : v.substring(0, at) + v.substring(at + 1); // delete
      case 3: return v.toUpperCase();
      case 4: return v + "," + v; // a repeated header, joined by a container
      case 5: return v.substring(0, at); // truncated
      case 6: return v + v.substring(at); // trailing garbage
      case 7: return zeros(v);
      case 8: return v + "-".repeat(random.nextInt(2_000)); // oversized
      default: return " " + v + "\r\n"; // padded, line break
    }
  }

  // Plain checks, not AssertJ: they run 100,000 times and must keep the suite fast.

  /** Every hex digit made 0: all-zero ids. */
  static String zeros(String v) {
    char[] chars = v.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if ((chars[i] >= '1' && chars[i] <= '9') || (chars[i] >= 'a' && chars[i] <= 'f')) {
        chars[i] = '0';
      }
    }
    return new String(chars);
  }

  static void check(Map<String, String> headers) {
    TraceContext c = DIVAK.extract(headers, Propagation.mapGetter());
    assertValid(c, headers);
    require(c.requestId() != null, "a Request-Id is generated", c, headers);

    TraceContext withoutGeneration = NO_GENERATION.extract(headers, Propagation.mapGetter());
    assertValid(withoutGeneration, headers);
    require(withoutGeneration.requestId() == null
        || withoutGeneration.requestId().equals(headers.get("Request-Id")),
        "without generation, the Request-Id is the one received", withoutGeneration, headers);

    for (Propagation p : FORMATS) {
      TraceContext read = p.extract(headers, Propagation.mapGetter());
      if (read == null) continue;
      assertValid(read, headers);
      require(read.requestId() == null, "formats read no Request-Id", read, headers);
    }
  }

  static void assertValid(TraceContext c, Map<String, String> headers) {
    require(c != null, "Divak.extract never returns null", c, headers);
    if (c.hasIds()) {
      require((c.traceIdHigh() | c.traceId()) != 0 && c.spanId() != 0, "non-zero ids", c, headers);
      // ids come from the headers, in lower case: 64-bit trace ids as their 16 digits
      String traceId = c.traceIdHigh() == 0 ? c.traceIdString().substring(16) : c.traceIdString();
      require(inHeaders(headers, traceId), "trace id as sent", c, headers);
      require(inHeaders(headers, c.spanIdString()), "span id as sent", c, headers);
      require(c.parentId() == 0 || inHeaders(headers, c.parentIdString()), "parent id as sent", c,
          headers);
      for (Propagation p : FORMATS) {
        Map<String, String> written = new LinkedHashMap<>();
        p.inject(c, written, Propagation.mapSetter());
        TraceContext again = p.extract(written, Propagation.mapGetter());
        require(again != null && again.traceIdHigh() == c.traceIdHigh()
            && again.traceId() == c.traceId() && again.spanId() == c.spanId()
            && again.isSampled() == c.isSampled(), p + " writes and reads it back", c, headers);
      }
    } else {
      require(c.spanId() == 0 && c.parentId() == 0, "no ids at all", c, headers);
    }
    require(c.requestId() == null || isSafe(c.requestId(), 200, false), "Request-Id valid", c,
        headers);
    require(c.traceState() == null || isSafe(c.traceState(), 512, true), "tracestate safe", c,
        headers);
  }

  static boolean inHeaders(Map<String, String> headers, String hex) {
    for (String value : headers.values()) {
      if (value.contains(hex)) return true;
    }
    return false;
  }

  static boolean isSafe(String value, int maxLength, boolean tab) {
    if (value.isEmpty() || value.length() > maxLength) return false;
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if ((ch < 0x20 || ch > 0x7e) && !(tab && ch == '\t')) return false;
    }
    return true;
  }

  static void require(boolean ok, String what, TraceContext c, Map<String, String> headers) {
    if (!ok) throw new AssertionError(what + ": read " + c + " from " + headers);
  }
}
