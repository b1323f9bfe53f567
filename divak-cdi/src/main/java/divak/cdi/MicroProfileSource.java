package divak.cdi;

import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads MicroProfile Config; loaded only when its API is present. */
final class MicroProfileSource {
  private MicroProfileSource() {
  }

  static Function<String, Optional<String>> create() {
    Config config = ConfigProvider.getConfig();
    return key -> config.getOptionalValue(key, String.class).filter(v -> !v.isBlank());
  }
}
