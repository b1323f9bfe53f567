package divak.benchmarks;

import static divak.benchmarks.Workload.check;

import divak.report.FinishedSpan;
import divak.report.ZipkinJson;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import zipkin2.codec.SpanBytesDecoder;
import zipkin2.codec.SpanBytesEncoder;

/**
 * Row 4: one finished SERVER span with 4 tags, a parent and a local endpoint, encoded as Zipkin
 * v2 JSON by divak's {@link ZipkinJson} and by zipkin2's {@code SpanBytesEncoder.JSON_V2}.
 *
 * <p>{@code @Setup} decodes divak's bytes with zipkin2's {@code SpanBytesDecoder.JSON_V2} and
 * requires the very span zipkin2 encodes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class ZipkinJsonBenchmarks {
  FinishedSpan divakSpan;
  zipkin2.Span zipkinSpan;

  @Setup(Level.Trial)
  public void setUp() {
    divakSpan = Spans.divakServerSpan();
    zipkinSpan = Spans.zipkinServerSpan(divakSpan);
    byte[] divakJson = ZipkinJson.encode(divakSpan);
    byte[] zipkinJson = SpanBytesEncoder.JSON_V2.encode(zipkinSpan);
    zipkin2.Span decoded = SpanBytesDecoder.JSON_V2.decodeOne(divakJson);
    check(zipkinSpan.equals(decoded), "divak's JSON decodes to " + decoded + ", expected "
        + zipkinSpan + "; divak wrote " + new String(divakJson, StandardCharsets.UTF_8));
    // zipkin2 lower-cases the span name when it builds a span; otherwise the bytes are the same.
    check(new String(divakJson, StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT)
            .equals(new String(zipkinJson, StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT)),
        "divak wrote " + new String(divakJson, StandardCharsets.UTF_8) + ", zipkin2 "
            + new String(zipkinJson, StandardCharsets.UTF_8));
  }

  @Benchmark
  public byte[] divak() {
    return ZipkinJson.encode(divakSpan);
  }

  @Benchmark
  public byte[] zipkin2() {
    return SpanBytesEncoder.JSON_V2.encode(zipkinSpan);
  }
}
