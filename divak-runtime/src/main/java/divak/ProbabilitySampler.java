package divak;

/** OpenTelemetry's TraceIdRatioBased rule, so that divak and OpenTelemetry services agree. */
final class ProbabilitySampler extends Sampler {
  private final double probability;
  private final long upperBound;

  ProbabilitySampler(double probability) {
    this.probability = probability;
    // The same bounds as OpenTelemetry: at 0 nothing is below Long.MIN_VALUE, at 1 the bound is
    // Long.MAX_VALUE (so, as there, a lower half of exactly +/-Long.MAX_VALUE is not sampled).
    if (probability == 0.0) {
      upperBound = Long.MIN_VALUE;
    } else if (probability == 1.0) {
      upperBound = Long.MAX_VALUE;
    } else {
      upperBound = (long) (probability * Long.MAX_VALUE);
    }
  }

  @Override
  public boolean isSampled(long traceId) {
    return Math.abs(traceId) < upperBound;
  }

  @Override
  public String toString() {
    return "Sampler.probability(" + probability + ")";
  }
}
