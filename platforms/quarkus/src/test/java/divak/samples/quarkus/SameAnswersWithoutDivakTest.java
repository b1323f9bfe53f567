package divak.samples.quarkus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sample built without divak ({@code quarkus.divak.enabled=false}): the undecorated classes
 * serve, and what they answer is {@link Answers#RECORDED}, which {@link SameAnswersTest} holds the
 * traced app to. {@code -Ddivak.recordAnswers=true} rewrites it from this app.
 */
@QuarkusTest
@TestProfile(SameAnswersWithoutDivakTest.WithoutDivak.class)
class SameAnswersWithoutDivakTest {

  /** divak off at build time. */
  public static class WithoutDivak implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("quarkus.divak.enabled", "false");
    }
  }

  @Test
  void divakIsOff() {
    given().when().get("/books/1").then().statusCode(200)
        .header("Request-Id", nullValue());
  }

  @Test
  void theRecordedAnswersAreThisAppsAnswers() throws Exception {
    String answers = Answers.current();
    if (Boolean.getBoolean("divak.recordAnswers")) Answers.record(answers);
    assertThat(answers).isEqualTo(Answers.recorded());
  }
}
