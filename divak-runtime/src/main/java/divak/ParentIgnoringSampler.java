package divak;

/**
 * OpenTelemetry's {@code always_on}, {@code always_off} and {@code traceidratio}: the rule decides
 * every span, also one whose parent decided (debug still forces sampling).
 */
final class ParentIgnoringSampler extends Sampler {
  private final Sampler rule;
  private final String name;

  ParentIgnoringSampler(Sampler rule, String name) {
    this.rule = rule;
    this.name = name;
  }

  @Override
  public boolean isSampled(long traceId) {
    return rule.isSampled(traceId);
  }

  @Override
  boolean ignoresParent() {
    return true;
  }

  @Override
  public String toString() {
    return name;
  }
}
