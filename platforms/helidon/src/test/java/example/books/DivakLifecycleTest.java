package example.books;

import static org.assertj.core.api.Assertions.assertThat;

import divak.Divak;
import divak.report.FinishedSpan;
import divak.report.Reporter;
import io.helidon.microprofile.testing.AddBean;
import io.helidon.microprofile.testing.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The {@code Divak} bean's life: one instance, built at start-up from MicroProfile Config, closed
 * (and its reporters with it) when the container stops. A container per test method.
 */
@HelidonTest(resetPerTest = true)
@AddConfig(key = "server.host", value = "127.0.0.1")
@AddConfig(key = "server.port", value = "0")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DivakLifecycleTest {
  static final AtomicInteger CLOSED = new AtomicInteger();

  /** A reporter that counts its closes. */
  @ApplicationScoped
  public static class ClosingReporter {
    @Produces
    @Singleton
    Reporter reporter() {
      return new Reporter() {
        @Override
        public void report(FinishedSpan span) {
        }

        @Override
        public void close() {
          CLOSED.incrementAndGet();
        }
      };
    }
  }

  @Test
  @Order(1)
  @AddBean(ClosingReporter.class)
  void divakIsOneSingletonBuiltFromConfig() {
    Divak divak = CDI.current().select(Divak.class).get();
    assertThat(CDI.current().select(Divak.class).get()).isSameAs(divak);
    assertThat(divak.serviceName()).isEqualTo("books");
    assertThat(Divak.current()).as("built at start-up, so decorators find it").isSameAs(divak);
    assertThat(CLOSED).hasValue(0);
  }

  @Test
  @Order(2)
  void theContainerOfTheFirstTestClosedItsDivakAndReporters() {
    assertThat(CLOSED).hasValue(1);
  }
}
