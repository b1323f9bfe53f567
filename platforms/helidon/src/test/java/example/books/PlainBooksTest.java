package example.books;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The app without the processor's output (surefire execution {@code plain}, on
 * {@code target/plain-classes}): records its answers for {@link BooksTest} to compare.
 */
@HelidonTest
@AddConfig(key = "server.host", value = "127.0.0.1")
@AddConfig(key = "server.port", value = "0")
class PlainBooksTest {
  @Inject
  ServerCdiExtension server;

  @Test
  void recordsTheAnswersOfTheAppWithoutDecorators() throws Exception {
    assertThatThrownBy(() -> Class.forName("example.books.Divak_BookResource"))
        .as("this execution runs on the classes without the processor's output")
        .isInstanceOf(ClassNotFoundException.class);
    Files.createDirectories(Requests.plainAnswersFile().getParent());
    Files.write(Requests.plainAnswersFile(), Requests.answers(server.port()));
  }
}
