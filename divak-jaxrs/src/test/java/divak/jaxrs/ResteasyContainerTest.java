package divak.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import divak.Divak;
import divak.report.FinishedSpan;
import divak.testing.ResteasyContainer;
import divak.testing.Require;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The container suite on RESTEasy 6.2 with Undertow. */
class ResteasyContainerTest extends ContainerContract {

  /** Runs in the JVM that has this container alone on the classpath (see the pom). */
  @BeforeAll
  static void onlyThisContainer() {
    Require.onClassPath("org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer",
        "the pom's resteasy-test execution runs this class with RESTEasy on its class path");
  }

  @Override
  protected TestServer start(int workerThreads, Object... components) {
    return TestServer.of(ResteasyContainer.start(workerThreads, components));
  }

  /**
   * divak's mapper of RESTEasy's ApplicationException records the exception and then answers as
   * RESTEasy would: its default mapper still answers (and logs) an unmapped exception, and the
   * application's mapper still gets its own exception.
   */
  @Test
  void resteasyAnswersAsWithoutDivak() throws Exception {
    Divak divak = Divak.builder().serviceName("a").reporter(reporter).build();
    TestServer plain = start(1, new TestResources.Api(divak), new TestResources.TeapotMapper());
    TestServer traced = start(1, new TestResources.Api(divak), new TestResources.TeapotMapper(),
        new DivakFeature(divak));
    closeables.add(plain);
    closeables.add(traced);
    closeables.add(divak);

    for (String path : new String[] {"/api/boom", "/api/mapped"}) {
      var without = get(plain.uri().resolve(path));
      var with = get(traced.uri().resolve(path));
      assertThat(with.statusCode()).as(path).isEqualTo(without.statusCode());
      assertThat(with.body()).as(path).isEqualTo(without.body());
      assertThat(with.headers().firstValue("Content-Type")).as(path)
          .isEqualTo(without.headers().firstValue("Content-Type"));
    }
    FinishedSpan boom = awaitSpan(named("GET /api/boom"));
    assertThat(boom.tag("exception.type")).isEqualTo(IllegalStateException.class.getName());
    assertThat(logs.list.stream().filter(e -> e.getFormattedMessage().contains("RESTEASY002375")))
        .as("RESTEasy's default mapper logs the unmapped exception, once per server").hasSize(2);
  }

  @Override
  protected boolean seesExceptions() {
    return true;
  }

  @Override
  protected boolean seesClientFailures() {
    return false;
  }
}
