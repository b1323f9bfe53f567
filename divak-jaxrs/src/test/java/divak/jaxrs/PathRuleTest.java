package divak.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import divak.Divak;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which paths are never traced, and the messages for paths that cannot be one. */
class PathRuleTest {

  @Test
  void matchesThePathAndBelowSegmentBySegment() {
    PathRule rule = new PathRule(List.of(PathRule.normalize("untraced", "/health/"), "metrics"));

    assertThat(rule.matches("health")).isTrue();
    assertThat(rule.matches("/health")).isTrue();
    assertThat(rule.matches("/health/db")).isTrue();
    assertThat(rule.matches("metrics/")).isTrue();
    assertThat(rule.matches("/healthz")).isFalse();
    assertThat(rule.matches("/api/health")).isFalse();
    assertThat(rule.matches("")).isFalse();
    assertThat(rule.matches(null)).isFalse();
    assertThat(PathRule.NONE.matches("/health")).isFalse();
  }

  @Test
  void aPathMustStartWithASlashAndBeAPath() {
    Divak divak = Divak.builder().serviceName("s").build();
    DivakFeature feature = new DivakFeature(divak);

    assertThatThrownBy(() -> feature.metricsAt("metrics"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metricsAt needs a path that starts with '/', such as \"/metrics\": was 'metrics'");
    assertThatThrownBy(() -> feature.metricsAt("//"))
        .hasMessage("metricsAt needs a path below the root, such as \"/metrics\": was '//'");
    assertThatThrownBy(() -> feature.untraced("/health check"))
        .hasMessage("untraced path must not hold ' ' (spaces, ?, #, quotes, backslashes and control"
            + " characters): was '/health check'");
    assertThatThrownBy(() -> feature.untraced("/a?b")).hasMessageContaining("'?'");
    assertThatThrownBy(() -> feature.remoteServiceName(" "))
        .hasMessage("remoteServiceName must not be blank: was ' '");
  }
}
