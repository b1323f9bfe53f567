package divak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SamplerTest {

  @Test
  void alwaysAndNeverAreSharedConstants() {
    assertThat(Sampler.always()).isSameAs(Sampler.always());
    assertThat(Sampler.always().isSampled(123)).isTrue();
    assertThat(Sampler.never().isSampled(123)).isFalse();
    assertThat(Sampler.always()).hasToString("Sampler.always()");
  }

  @Test
  void probabilityOutsideZeroToOneIsAnErrorThatNamesTheValue() {
    assertThatThrownBy(() -> Sampler.probability(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("probability must be between 0 and 1: was 1.5");
    assertThatThrownBy(() -> Sampler.probability(-0.1)).hasMessageContaining("was -0.1");
    assertThatThrownBy(() -> Sampler.probability(Double.NaN)).hasMessageContaining("was NaN");
  }

  @Test
  void probabilityIsDeterministicOnTheTraceIdAndNearTheRate() {
    Sampler sampler = Sampler.probability(0.25);
    SplittableRandom random = new SplittableRandom(1);
    int sampled = 0;
    for (int i = 0; i < 100_000; i++) {
      long traceId = random.nextLong();
      boolean decision = sampler.isSampled(traceId);
      assertThat(Sampler.probability(0.25).isSampled(traceId)).isEqualTo(decision);
      if (decision) sampled++;
    }
    assertThat(sampled).isBetween(24_000, 26_000);
  }

  @Test
  void rateLimitedSamplesAtMostTheRateInOneSecond() {
    Sampler sampler = Sampler.rateLimited(10);
    int sampled = 0;
    long start = System.nanoTime();
    for (int i = 0; i < 1000; i++) {
      if (sampler.isSampled(i)) sampled++;
    }
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    // 1000 decisions fit in one or two seconds of the limiter: at most 10 for each.
    assertThat(sampled).isBetween(1, (int) (10 * (seconds + 2)));
  }

  @Test
  void rateLimitedBelowOneIsAnErrorThatSaysWhatToUse() {
    assertThatThrownBy(() -> Sampler.rateLimited(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tracesPerSecond should be at least 1: was 0 (Sampler.never() records nothing)");
    assertThatThrownBy(() -> Sampler.rateLimited(-1)).hasMessageContaining("was -1");
  }
}
