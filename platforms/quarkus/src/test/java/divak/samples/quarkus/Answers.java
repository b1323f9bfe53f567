package divak.samples.quarkus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The same requests, sent to the sample with divak and without it, and what each is answered:
 * status, content type, {@code Location} path and body. {@link #RECORDED} holds the answers of
 * the app without divak ({@code quarkus.divak.enabled=false}, the undecorated classes serving);
 * {@link SameAnswersWithoutDivakTest} checks it against that app on every build and rewrites it
 * with {@code -Ddivak.recordAnswers=true}, and {@link SameAnswersTest} checks the traced app
 * against it.
 */
final class Answers {
  static final Path RECORDED = Path.of("src/test/resources/answers-without-divak.txt");

  /** {method, path, content type or "-", body or "-", accept or "-"}. */
  private static final List<String[]> REQUESTS = List.of(
      new String[] {"GET", "/hello", "-", "-", "-"},
      new String[] {"GET", "/books/1", "-", "-", "-"},
      new String[] {"GET", "/books/1/non-blocking", "-", "-", "-"},
      new String[] {"GET", "/books/1/uni", "-", "-", "-"},
      new String[] {"GET", "/books/1/stage", "-", "-", "-"},
      new String[] {"GET", "/books/2/worker", "-", "-", "-"},
      new String[] {"GET", "/books/2/executor", "-", "-", "-"},
      new String[] {"GET", "/books/99", "-", "-", "-"},
      new String[] {"GET", "/books/99/uni", "-", "-", "-"},
      new String[] {"GET", "/books/99/worker", "-", "-", "-"},
      new String[] {"GET", "/books/1", "-", "-", "text/plain"},
      new String[] {"POST", "/books", "application/json", "{\"id\":\"7\",\"title\":\"Kindred\"}",
          "-"},
      new String[] {"POST", "/books", "application/json", "{\"title\":", "-"},
      new String[] {"POST", "/books", "text/plain", "Kindred", "-"},
      new String[] {"DELETE", "/books/1", "-", "-", "-"},
      new String[] {"GET", "/nowhere", "-", "-", "-"},
      new String[] {"GET", "/library/2", "-", "-", "-"});

  /** What the running app answers to every request, as text. */
  static String current() {
    StringBuilder b = new StringBuilder();
    for (String[] r : REQUESTS) {
      RequestSpecification spec = given().redirects().follow(false);
      if (!"-".equals(r[2])) spec = spec.contentType(r[2]);
      if (!"-".equals(r[3])) spec = spec.body(r[3]);
      if (!"-".equals(r[4])) spec = spec.accept(r[4]);
      Response response = spec.when().request(r[0], r[1]);
      String location = response.getHeader("Location");
      b.append(r[0]).append(' ').append(r[1])
          .append(" (content type ").append(r[2]).append(", accept ").append(r[4]).append(")\n")
          .append(response.getStatusCode()).append(' ')
          .append(String.valueOf(response.getContentType())).append(' ')
          .append(location == null ? "-" : URI.create(location).getPath()).append('\n')
          .append(escaped(response.asString())).append("\n\n");
    }
    return b.toString();
  }

  static String recorded() throws IOException {
    assertThat(RECORDED).as("the recorded answers; run SameAnswersWithoutDivakTest with "
        + "-Ddivak.recordAnswers=true to write them").exists();
    return Files.readString(RECORDED, StandardCharsets.UTF_8);
  }

  static void record(String answers) throws IOException {
    Files.createDirectories(RECORDED.getParent());
    Files.writeString(RECORDED, answers, StandardCharsets.UTF_8);
  }

  private static String escaped(String body) {
    return body.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
  }

  private Answers() {
  }
}
