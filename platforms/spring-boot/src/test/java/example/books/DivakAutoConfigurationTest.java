package example.books;

import static org.assertj.core.api.Assertions.assertThat;

import divak.Divak;
import divak.Sampler;
import divak.report.FinishedSpan;
import divak.report.Reporter;
import divak.spring.boot.DivakAutoConfiguration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The auto-configuration alone: properties, a user's own Divak, closing with the context. */
class DivakAutoConfigurationTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(DivakAutoConfiguration.class));

  @Test
  void buildsDivakFromProperties() {
    runner.withPropertyValues("divak.service-name=shelf", "divak.sampler.probability=0",
            "divak.request-id-header=X-Request-Id")
        .run(context -> {
          Divak divak = context.getBean(Divak.class);
          assertThat(divak.serviceName()).isEqualTo("shelf");
          assertThat(divak.requestIdHeader()).isEqualTo("X-Request-Id");
          assertThat(divak.sampler()).hasToString(Sampler.probability(0).toString());
        });
  }

  @Test
  void serviceNameDefaultsToTheApplicationName() {
    runner.withPropertyValues("spring.application.name=catalogue")
        .run(context -> assertThat(context.getBean(Divak.class).serviceName()).isEqualTo("catalogue"));
  }

  @Test
  void bothSamplersSetFailsTheStart() {
    runner.withPropertyValues("divak.sampler.probability=0.5", "divak.sampler.traces-per-second=10")
        .run(context -> assertThat(context).hasFailed()
            .getFailure().rootCause().hasMessageContaining("divak.sampler.probability and divak.sampler.traces-per-second"));
  }

  @Test
  void aUsersOwnDivakWins() {
    Divak own = Divak.builder().serviceName("own").build();
    runner.withBean(Divak.class, () -> own)
        .run(context -> assertThat(context.getBean(Divak.class)).isSameAs(own));
    own.close();
  }

  @Test
  void divakIsClosedWithTheContextAndClosesItsReporters() {
    AtomicBoolean closed = new AtomicBoolean();
    Reporter reporter = new Reporter() {
      @Override
      public void report(FinishedSpan span) {
      }

      @Override
      public void close() {
        closed.set(true);
      }
    };
    runner.withBean("recorder", Reporter.class, () -> reporter, d -> d.setDestroyMethodName(""))
        .run(context -> assertThat(closed).isFalse());
    assertThat(closed).isTrue();
  }
}
