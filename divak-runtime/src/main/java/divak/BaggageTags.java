package divak;

import divak.propagation.Baggage;

/** Copies the configured W3C baggage entries onto a new sampled span as tags. */
final class BaggageTags {
  static void tag(Span span, Baggage baggage, String[] keys) {
    for (String key : keys) {
      String value = baggage.get(key);
      if (value != null) span.tag(key, value);
    }
  }

  private BaggageTags() {
  }
}
