package divak.quarkus.deployment;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** divak's build-time settings in {@code application.properties}, under {@code quarkus.divak}. */
@ConfigMapping(prefix = "quarkus.divak")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface DivakBuildConfig {

  /**
   * Whether divak traces the application. When {@code false} the build leaves divak out: the
   * original classes serve and are injected (their generated decorators are not), and no divak
   * filter is registered, so the application answers as it would without divak.
   */
  @WithDefault("true")
  boolean enabled();
}
