package divak.samples.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The traced sample answers every request as the same app without divak does. */
@QuarkusTest
class SameAnswersTest {

  @Test
  void statusAndBodyEqualTheAppWithoutDivak() throws Exception {
    assertThat(Answers.current()).isEqualTo(Answers.recorded());
  }
}
