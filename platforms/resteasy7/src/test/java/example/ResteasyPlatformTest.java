package example;

import static org.assertj.core.api.Assertions.assertThat;

import divak.Divak;
import divak.platforms.PlatformContract;
import divak.report.Reporter;
import example.books.BooksTracing;
import org.junit.jupiter.api.Test;

/** RESTEasy 7 on Undertow, the application naming its classes ({@code DivakResources.classes()}). */
class ResteasyPlatformTest extends PlatformContract {

  @Override
  protected Running startTraced(Reporter reporter) throws Exception {
    BooksTracing.use(Divak.builder().serviceName("books").reporter(reporter).build());
    return ResteasyApps.start(false);
  }

  @Override
  protected Running startPlain() throws Exception {
    return ResteasyApps.startPlain();
  }

  /** The second surefire execution runs this class on Java 25 (see the pom). */
  @Test
  void runsOnTheJavaThePomAsksFor() {
    String expected = System.getProperty("divak.expected.java", "17");
    assertThat(Runtime.version().feature()).isEqualTo(Integer.parseInt(expected));
  }
}
