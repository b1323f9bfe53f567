package divak.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import divak.TraceContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What a format writes, it reads back: ids, parent and decision. */
class RoundTripTest {
  static Stream<Propagation> formats() {
    return Stream.of(Propagation.w3c(), Propagation.b3(), Propagation.b3Single());
  }

  static Map<String, String> inject(Propagation p, TraceContext c) {
    Map<String, String> headers = new LinkedHashMap<>();
    p.inject(c, headers, Propagation.mapSetter());
    return headers;
  }

  @ParameterizedTest
  @MethodSource("formats")
  void sampled128BitWithParent(Propagation p) {
    TraceContext c = TraceContext.builder().traceIdHigh(0x463ac35c9f6413adL)
        .traceId(0x48485a3953bb6124L).parentId(0x1122334455667788L).spanId(0xa2fb4a1d1a96d312L)
        .sampled(true).build();

    TraceContext read = p.extract(inject(p, c), Propagation.mapGetter());

    assertThat(read.traceIdString()).isEqualTo("463ac35c9f6413ad48485a3953bb6124");
    assertThat(read.spanIdString()).isEqualTo("a2fb4a1d1a96d312");
    assertThat(read.sampled()).isTrue();
    assertThat(read.debug()).isFalse();
    if (p != Propagation.w3c()) assertThat(read.parentId()).isEqualTo(0x1122334455667788L);
  }

  @ParameterizedTest
  @MethodSource("formats")
  void unsampled64Bit(Propagation p) {
    TraceContext c = TraceContext.builder().traceId(0x48485a3953bb6124L).spanId(1L)
        .sampled(false).build();

    TraceContext read = p.extract(inject(p, c), Propagation.mapGetter());

    assertThat(read.traceIdHigh()).isZero();
    assertThat(read.traceId()).isEqualTo(0x48485a3953bb6124L);
    assertThat(read.spanId()).isEqualTo(1L);
    assertThat(read.sampled()).isFalse();
  }

  @ParameterizedTest
  @MethodSource("formats")
  void debug(Propagation p) {
    TraceContext c = TraceContext.builder().traceId(-1L).spanId(-1L).debug(true).build();

    TraceContext read = p.extract(inject(p, c), Propagation.mapGetter());

    assertThat(read.traceId()).isEqualTo(-1L);
    assertThat(read.spanId()).isEqualTo(-1L);
    assertThat(read.sampled()).isTrue();
    // W3C has no debug flag: it arrives as sampled
    assertThat(read.debug()).isEqualTo(p != Propagation.w3c());
  }
}
