package divak.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without its jar the launcher fails and says which property to set; it never skips. */
class ZipkinServerTest {
  private String before;

  @BeforeEach
  void save() {
    before = System.getProperty(ZipkinServer.JAR_PROPERTY);
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(ZipkinServer.JAR_PROPERTY);
    } else {
      System.setProperty(ZipkinServer.JAR_PROPERTY, before);
    }
  }

  @Test
  void failsNamingThePropertyWhenItIsNotSet() {
    System.clearProperty(ZipkinServer.JAR_PROPERTY);

    assertThatThrownBy(ZipkinServer::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("System property divak.zipkin.jar is not set");
  }

  @Test
  void failsNamingThePropertyAndThePathWhenThereIsNoJar(@TempDir Path dir) {
    Path missing = dir.resolve("zipkin-server.jar");
    System.setProperty(ZipkinServer.JAR_PROPERTY, missing.toString());

    assertThatThrownBy(ZipkinServer::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("divak.zipkin.jar")
        .hasMessageContaining(missing.toString());
  }
}
