package divak;

/**
 * Decides whether a new trace is recorded. Consulted only for traces that start here or arrive
 * without a decision: an upstream decision is honoured, and debug forces sampling.
 */
public abstract class Sampler {

  /** Decides for the trace whose lower 64 bits of trace id are {@code traceId}. */
  public abstract boolean isSampled(long traceId);

  /**
   * True for the OpenTelemetry samplers that decide every span themselves ({@code always_on},
   * {@code always_off}, {@code traceidratio} of {@code OTEL_TRACES_SAMPLER}); every sampler divak
   * offers honours an upstream decision.
   */
  boolean ignoresParent() {
    return false;
  }

  /** Records every trace. */
  public static Sampler always() {
    return Constant.ALWAYS;
  }

  /** Records no trace (upstream decisions are still honoured). */
  public static Sampler never() {
    return Constant.NEVER;
  }

  /**
   * Records a fraction {@code p} of traces, decided on the trace id so that every service that
   * uses the same rule decides the same for one trace. The rule is OpenTelemetry's
   * {@code TraceIdRatioBased}: the lower 64 bits of the trace id, as a signed long, are sampled
   * when their absolute value is below {@code p * Long.MAX_VALUE}.
   *
   * @throws IllegalArgumentException when {@code p} is not within [0, 1]
   */
  public static Sampler probability(double p) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException("probability must be between 0 and 1: was " + p);
    }
    return new ProbabilitySampler(p);
  }

  /**
   * Records at most {@code tracesPerSecond} new traces each second, the first ones to arrive.
   *
   * @throws IllegalArgumentException when {@code tracesPerSecond} is negative
   */
  public static Sampler rateLimited(int tracesPerSecond) {
    if (tracesPerSecond < 1) {
      throw new IllegalArgumentException("tracesPerSecond should be at least 1: was "
          + tracesPerSecond + " (Sampler.never() records nothing)");
    }
    return new RateLimitingSampler(tracesPerSecond);
  }

  private static final class Constant extends Sampler {
    static final Constant ALWAYS = new Constant(true);
    static final Constant NEVER = new Constant(false);
    private final boolean sampled;

    private Constant(boolean sampled) {
      this.sampled = sampled;
    }

    @Override
    public boolean isSampled(long traceId) {
      return sampled;
    }

    @Override
    public String toString() {
      return sampled ? "Sampler.always()" : "Sampler.never()";
    }
  }
}
