package divak.propagation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * W3C baggage: application-defined key-value pairs that travel with a request across services in
 * the {@code baggage} header (https://www.w3.org/TR/baggage/), such as a tenant or a test run.
 *
 * <pre>{@code
 * String tenant = divak.baggage("tenant");          // from the incoming request, or null
 * }</pre>
 *
 * <p>Immutable. Keys are HTTP tokens; values are any text (percent-encoded on the wire). Each entry
 * may carry properties ({@code ;k=v}), which are passed on unchanged. At most {@value #MAX_ENTRIES}
 * entries and {@value #MAX_BYTES} bytes are written, the spec's limits.
 */
public final class Baggage {
  /** The most entries a {@code baggage} header carries. */
  public static final int MAX_ENTRIES = 64;
  /** The most bytes of a {@code baggage} header. */
  public static final int MAX_BYTES = 8192;

  private static final Baggage EMPTY = new Baggage(new String[0]);

  // key, value, properties (null for none), in order
  private final @Nullable String[] entries;

  private Baggage(@Nullable String[] entries) {
    this.entries = entries;
  }

  /** Baggage with no entries. */
  public static Baggage empty() {
    return EMPTY;
  }

  /**
   * Baggage holding {@code entries} in their iteration order.
   *
   * @throws IllegalArgumentException when a key is not an HTTP token or there are more than
   *     {@value #MAX_ENTRIES} entries
   */
  public static Baggage of(Map<String, String> entries) {
    Builder b = builder();
    entries.forEach(b::put);
    return b.build();
  }

  /** Starts empty baggage. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these entries. */
  public Builder toBuilder() {
    Builder b = new Builder();
    for (int i = 0; i < entries.length; i += 3) b.put(entries[i], entries[i + 1], entries[i + 2]);
    return b;
  }

  /** The value of {@code key}, or null. */
  public @Nullable String get(String key) {
    for (int i = 0; i < entries.length; i += 3) {
      if (entries[i].equals(key)) return entries[i + 1];
    }
    return null;
  }

  /** The properties of {@code key}'s entry as written after its value ({@code k=v;p}), or null. */
  public @Nullable String properties(String key) {
    for (int i = 0; i < entries.length; i += 3) {
      if (entries[i].equals(key)) return entries[i + 2];
    }
    return null;
  }

  /** The number of entries. */
  public int size() {
    return entries.length / 3;
  }

  /** True when there are no entries. */
  public boolean isEmpty() {
    return entries.length == 0;
  }

  /** The entries, key to value, in order. */
  public Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < entries.length; i += 3) map.put(entries[i], entries[i + 1]);
    return Collections.unmodifiableMap(map);
  }

  String key(int i) {
    return entries[3 * i];
  }

  String value(int i) {
    return entries[3 * i + 1];
  }

  @Nullable String propertiesAt(int i) {
    return entries[3 * i + 2];
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Baggage && java.util.Arrays.equals(entries, ((Baggage) o).entries);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(entries);
  }

  @Override
  public String toString() {
    return "Baggage" + asMap();
  }

  /** Builds {@link Baggage}; a later {@link #put} of a key replaces its value in place. */
  public static final class Builder {
    private final List<@Nullable String> entries = new ArrayList<>();

    Builder() {
    }

    /**
     * Sets {@code key} to {@code value}.
     *
     * @throws IllegalArgumentException when {@code key} is not an HTTP token, or the baggage
     *     would hold more than {@value #MAX_ENTRIES} entries
     */
    public Builder put(String key, String value) {
      return put(key, value, null);
    }

    Builder put(String key, String value, @Nullable String properties) {
      if (key == null) throw new NullPointerException("key == null");
      if (value == null) throw new NullPointerException("value == null");
      if (!W3CBaggagePropagation.isToken(key, 0, key.length())) {
        throw new IllegalArgumentException("baggage key should be an HTTP token: was '" + key + "'");
      }
      for (int i = 0; i < entries.size(); i += 3) {
        if (entries.get(i).equals(key)) {
          entries.set(i + 1, value);
          entries.set(i + 2, properties);
          return this;
        }
      }
      if (entries.size() / 3 == MAX_ENTRIES) {
        throw new IllegalArgumentException("baggage holds at most " + MAX_ENTRIES + " entries");
      }
      entries.add(key);
      entries.add(value);
      entries.add(properties);
      return this;
    }

    /** Removes {@code key}, if present. */
    public Builder remove(String key) {
      for (int i = 0; i < entries.size(); i += 3) {
        if (entries.get(i).equals(key)) {
          entries.subList(i, i + 3).clear();
          return this;
        }
      }
      return this;
    }

    /** The baggage; the empty instance when there are no entries. */
    public Baggage build() {
      return entries.isEmpty() ? EMPTY : new Baggage(entries.toArray(new @Nullable String[0]));
    }
  }
}
