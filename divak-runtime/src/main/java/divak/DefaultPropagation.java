package divak;

import divak.propagation.Propagation;
import java.util.List;

/** The formats used when none are configured. */
final class DefaultPropagation {
  static List<Propagation> formats() {
    return List.of(); // TODO(propagation issue): W3C then B3
  }

  private DefaultPropagation() {
  }
}
