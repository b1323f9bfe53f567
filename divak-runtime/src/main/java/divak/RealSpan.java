package divak;

import divak.report.FinishedSpan;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** A sampled span: records until finished, then is handed, read-only, to the reporters. */
final class RealSpan extends Span implements FinishedSpan {
  private static final VarHandle FINISHED;

  static {
    try {
      FINISHED = MethodHandles.lookup().findVarHandle(RealSpan.class, "finished", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Divak divak;
  private final TraceContext context;
  private final long startMicros;
  private String name;
  private @Nullable Kind kind;
  private long finishMicros;
  private @Nullable Throwable error;
  private @Nullable String remoteServiceName;
  private @Nullable String remoteIp;
  private int remotePort;
  private volatile @Nullable Throwable recorded;
  // Tags as key, value pairs; annotations as parallel arrays. Plain arrays keep a span to a few
  // small objects, which matters on the request path.
  private String[] tags = new String[8];
  private int tagCount;
  private long @Nullable [] annotationTimes;
  private String @Nullable [] annotationValues;
  private int annotationCount;
  @SuppressWarnings("unused") // accessed through FINISHED
  private volatile boolean finished;

  RealSpan(Divak divak, TraceContext context, String name, Kind kind, long startMicros) {
    this.divak = divak;
    this.context = context;
    this.name = name;
    this.kind = kind;
    this.startMicros = startMicros;
  }

  Divak divak() {
    return divak;
  }

  @Override
  public TraceContext context() {
    return context;
  }

  @Override
  public boolean isNoop() {
    return false;
  }

  @Override
  public Span name(@Nullable String name) {
    if (name != null && !finished) this.name = name;
    return this;
  }

  @Override
  public Span kind(@Nullable Kind kind) {
    this.kind = kind;
    return this;
  }

  @Override
  public Span remoteEndpoint(@Nullable String serviceName, @Nullable String ip, int port) {
    if (finished) return this;
    this.remoteServiceName = serviceName;
    this.remoteIp = ip;
    this.remotePort = port > 0 && port <= 0xffff ? port : 0;
    return this;
  }

  @Override
  public Span tag(@Nullable String key, @Nullable String value) {
    if (key == null || value == null || finished) return this;
    putTag(key, value);
    return this;
  }

  private void putTag(String key, String value) {
    for (int i = 0; i < tagCount; i += 2) {
      if (tags[i].equals(key)) {
        tags[i + 1] = value;
        return;
      }
    }
    if (tagCount == tags.length) tags = Arrays.copyOf(tags, tagCount * 2);
    tags[tagCount] = key;
    tags[tagCount + 1] = value;
    tagCount += 2;
  }

  @Override
  public Span tag(@Nullable String key, long value) {
    return tag(key, Long.toString(value));
  }

  @Override
  public Span tag(@Nullable String key, int value) {
    return tag(key, Integer.toString(value));
  }

  @Override
  public Span tag(@Nullable String key, boolean value) {
    return tag(key, value ? "true" : "false");
  }

  @Override
  public Span tag(@Nullable String key, double value) {
    return tag(key, Double.toString(value));
  }

  @Override
  public Span annotate(@Nullable String value) {
    return annotate(divak.clock().currentTimeMicros(), value);
  }

  @Override
  public Span annotate(long epochMicros, @Nullable String value) {
    if (value == null || finished) return this;
    if (annotationTimes == null) {
      annotationTimes = new long[2];
      annotationValues = new String[2];
    } else if (annotationCount == annotationTimes.length) {
      annotationTimes = Arrays.copyOf(annotationTimes, annotationCount * 2);
      annotationValues = Arrays.copyOf(annotationValues, annotationCount * 2);
    }
    annotationTimes[annotationCount] = epochMicros;
    annotationValues[annotationCount] = value;
    annotationCount++;
    return this;
  }

  @Override
  public Span error(@Nullable Throwable error) {
    if (error != null && !finished) this.error = unwrap(error);
    return this;
  }

  @Override
  public Span recordException(@Nullable Throwable thrown) {
    if (thrown != null && !finished) this.recorded = unwrap(thrown);
    return this;
  }

  @Override
  public @Nullable Throwable recordedException() {
    return recorded;
  }

  /** A failed CompletableFuture stage hands on its cause wrapped; the cause is what failed. */
  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while (e instanceof java.util.concurrent.CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  @Override
  public void finish() {
    finish(divak.clock().currentTimeMicros());
  }

  @Override
  public void finish(long epochMicros) {
    if (!FINISHED.compareAndSet(this, false, true)) return;
    finishMicros = Math.max(epochMicros, startMicros);
    if (error != null) tagError(error);
    divak.report(this);
  }

  private void tagError(Throwable error) {
    // An error tag set before (by the user, or from a 5xx status) keeps its value; the class of
    // what was thrown is added in any case.
    if (tag("error") == null) {
      String message = error.getMessage();
      putTag("error", message != null && !message.isEmpty() ? message : error.getClass().getSimpleName());
    }
    if (tag("exception.type") == null) putTag("exception.type", error.getClass().getName());
  }

  // FinishedSpan: read after finish by reporters.

  @Override
  public String name() {
    return name;
  }

  @Override
  public @Nullable Kind kind() {
    return kind;
  }

  @Override
  public String localServiceName() {
    return divak.serviceName();
  }

  @Override
  public @Nullable String remoteServiceName() {
    return remoteServiceName;
  }

  @Override
  public @Nullable String remoteIp() {
    return remoteIp;
  }

  @Override
  public int remotePort() {
    return remotePort;
  }

  @Override
  public long startTimestamp() {
    return startMicros;
  }

  @Override
  public long durationMicros() {
    return finishMicros - startMicros;
  }

  @Override
  public int tagCount() {
    return tagCount >> 1;
  }

  @Override
  public String tagKey(int i) {
    return tags[i << 1];
  }

  @Override
  public String tagValue(int i) {
    return tags[(i << 1) + 1];
  }

  @Override
  public @Nullable String tag(String key) {
    for (int i = 0; i < tagCount; i += 2) {
      if (tags[i].equals(key)) return tags[i + 1];
    }
    return null;
  }

  @Override
  public int annotationCount() {
    return annotationCount;
  }

  @Override
  public long annotationTimestamp(int i) {
    return annotationTimes[i];
  }

  @Override
  public String annotationValue(int i) {
    return annotationValues[i];
  }

  @Override
  public @Nullable Throwable error() {
    return error;
  }

  @Override
  public String toString() {
    return "RealSpan{" + name + " " + context + "}";
  }
}
