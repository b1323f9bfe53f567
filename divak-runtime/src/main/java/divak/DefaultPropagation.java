package divak;

import divak.propagation.Propagation;
import java.util.List;

/** The formats used when none are configured: W3C, then B3 (which also reads the single header). */
final class DefaultPropagation {
  private static final List<Propagation> FORMATS = List.of(Propagation.w3c(), Propagation.b3());

  static List<Propagation> formats() {
    return FORMATS;
  }

  private DefaultPropagation() {
  }
}
