package divak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import divak.report.InMemoryReporter;
import divak.report.Reporter;
import org.junit.jupiter.api.Test;

class DivakBuilderTest {

  @Test
  void serviceNameIsRequired() {
    assertThatThrownBy(() -> Divak.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("serviceName is required");
  }

  @Test
  void blankServiceNameIsRejected() {
    assertThatThrownBy(() -> Divak.builder().serviceName("  ").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("serviceName is required");
  }

  @Test
  void nullsAreRejectedWithTheirName() {
    assertThatThrownBy(() -> Divak.builder().sampler(null)).hasMessage("sampler == null");
    assertThatThrownBy(() -> Divak.builder().reporter(null)).hasMessage("reporter == null");
    assertThatThrownBy(() -> Divak.builder().clock(null)).hasMessage("clock == null");
  }

  @Test
  void closeClosesEveryReporterAndStopsRecording() {
    InMemoryReporter memory = Reporter.inMemory();
    boolean[] closed = new boolean[1];
    Reporter other = new Reporter() {
      @Override
      public void report(divak.report.FinishedSpan span) {
      }

      @Override
      public void close() {
        closed[0] = true;
      }
    };
    Divak divak = Divak.builder().serviceName("svc").reporter(memory).reporter(other).build();
    divak.startSpan("before").finish();
    divak.close();
    divak.startSpan("after").finish();

    assertThat(closed[0]).isTrue();
    assertThat(memory.spans()).extracting(s -> s.name()).containsExactly("before");
  }

  @Test
  void aFailingReporterDoesNotFailTheCallerNorTheOtherReporters() {
    InMemoryReporter memory = Reporter.inMemory();
    Reporter failing = span -> {
      throw new IllegalStateException("boom");
    };
    Divak divak = Divak.builder().serviceName("svc").reporter(failing).reporter(memory).build();

    divak.startSpan("one").finish();
    divak.startSpan("two").finish();

    assertThat(memory.spans()).hasSize(2);
  }

  @Test
  void currentIsTheTracerOfTheCurrentSpan() {
    Divak first = Divak.builder().serviceName("first").build();
    Divak second = Divak.builder().serviceName("second").build();
    try (Operation op = first.operation("work")) {
      assertThat(Divak.current()).isSameAs(first);
    }
    assertThat(Divak.current()).isSameAs(second);
    second.close();
    first.close();
  }

  @Test
  void aRequestIdHeaderMustBeAHeaderName() {
    assertThatThrownBy(() -> Divak.builder().requestIdHeader("Bad Header"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("requestIdHeader must be an HTTP header name (letters, digits and"
            + " !#$%&'*+-.^_`|~, no spaces): was 'Bad Header'");
    assertThatThrownBy(() -> Divak.builder().requestIdHeader("X-Id:")).hasMessageContaining("'X-Id:'");
    assertThatThrownBy(() -> Divak.builder().requestIdHeader("")).hasMessageContaining("was ''");
    assertThat(Divak.builder().serviceName("s").requestIdHeader("X-Request-ID").build().requestIdHeader())
        .isEqualTo("X-Request-ID");
  }

  @Test
  void mdcKeysMustBeGivenAndDistinct() {
    assertThatThrownBy(() -> Divak.builder().mdcKeys("t", " ", "r"))
        .hasMessage("spanIdKey must not be blank: was ' '");
    assertThatThrownBy(() -> Divak.builder().mdcKeys("id", "id", "r"))
        .hasMessage("mdcKeys must differ: were 'id', 'id', 'r'");
  }
}
