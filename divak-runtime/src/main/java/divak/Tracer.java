package divak;

import divak.propagation.Baggage;
import divak.propagation.Propagation;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts spans and moves their ids in and out of requests: new ids, the sampling decision, the
 * propagation formats and the Request-Id. One per {@link Divak}, which delegates to it.
 */
final class Tracer {
  private static final Logger LOG = LoggerFactory.getLogger(Divak.class);
  private static final Propagation BAGGAGE = Propagation.baggage();

  private final Divak divak;
  private final Sampler sampler;
  private final Propagation[] propagations;
  private final RequestIds requestIds;
  private final Clock clock;
  private final String[] baggageTags;
  private final boolean readsBaggage;

  Tracer(Divak divak, Sampler sampler, Propagation[] propagations, RequestIds requestIds,
      Clock clock, String[] baggageTags) {
    this.divak = divak;
    this.sampler = sampler;
    this.propagations = propagations;
    this.requestIds = requestIds;
    this.clock = clock;
    this.baggageTags = baggageTags;
    boolean baggage = false;
    for (Propagation p : propagations) baggage |= p == BAGGAGE;
    this.readsBaggage = baggage;
  }

  Sampler sampler() {
    return sampler;
  }

  RequestIds requestIds() {
    return requestIds;
  }

  /** See {@link Divak#startSpan(String, Span.Kind, TraceContext)}. */
  Span startSpan(String name, Span.@Nullable Kind kind, @Nullable TraceContext parent) {
    if (divak.isClosed()) return parent != null && parent.hasIds() ? NoopSpan.of(parent) : Span.NOOP;
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long traceIdHigh;
    long traceId;
    long parentId;
    int flags;
    String traceState = null;
    String requestId = null;
    Baggage baggage = null;
    if (parent != null) {
      flags = parent.flags;
      traceState = parent.traceState;
      requestId = parent.requestId;
      baggage = parent.baggage;
    } else {
      flags = 0;
    }
    boolean child = parent != null && parent.hasIds();
    if (child) {
      traceIdHigh = parent.traceIdHigh;
      traceId = parent.traceId;
      parentId = parent.spanId;
    } else {
      traceIdHigh = nonZero(random);
      traceId = nonZero(random);
      parentId = 0;
    }
    if ((flags & TraceContext.FLAG_SAMPLED_SET) == 0
        || (sampler.ignoresParent() && (flags & TraceContext.FLAG_DEBUG) == 0)) {
      flags = (flags & ~TraceContext.FLAG_SAMPLED) | TraceContext.FLAG_SAMPLED_SET
          | (sampler.isSampled(traceId) ? TraceContext.FLAG_SAMPLED : 0);
    }
    if (child && kind == null && (flags & TraceContext.FLAG_SAMPLED) == 0) {
      // An unrecorded local span (an operation, a traced bean) is not a hop: nothing downstream
      // sees its id and nothing reports it, so it shares its parent's context and no-op span, and
      // an unsampled request allocates nothing per traced call.
      return NoopSpan.of(parent);
    }
    // Recording or not, every SERVER and CLIENT span has its own id: a downstream service sees
    // this hop as its parent, as with Brave and OpenTelemetry, and logs name the hop they were
    // written in.
    TraceContext context = new TraceContext(traceIdHigh, traceId, parentId, nonZero(random), flags,
        traceState, requestId, baggage);
    if (child) context.shareHex(parent);
    if ((flags & TraceContext.FLAG_SAMPLED) == 0) return new NoopSpan(context);
    RealSpan span = new RealSpan(divak, context, name, kind, clock.currentTimeMicros());
    if (baggage != null && baggageTags.length > 0) BaggageTags.tag(span, baggage, baggageTags);
    return span;
  }

  /** See {@link Divak#extract}. */
  <C> TraceContext extract(C carrier, Propagation.Getter<C> getter) {
    TraceContext extracted = null;
    for (Propagation propagation : propagations) {
      if (propagation == BAGGAGE) continue; // its own header, whichever format carries the ids
      TraceContext c = extractQuietly(propagation, carrier, getter);
      if (c == null) continue;
      if (c.hasIds()) {
        extracted = c;
        break;
      }
      if (extracted == null) extracted = c; // a decision alone; a later format may carry ids
    }
    Baggage baggage = null;
    if (readsBaggage) {
      TraceContext c = extractQuietly(BAGGAGE, carrier, getter);
      if (c != null) baggage = c.baggage;
    }
    String requestId = requestIds.extract(carrier, getter);
    if (extracted == null) {
      return new TraceContext(0, 0, 0, 0, 0, null, requestId, baggage);
    }
    if (requestId == null && extracted.requestId == null && baggage == extracted.baggage) {
      return extracted;
    }
    TraceContext withRequest = new TraceContext(extracted.traceIdHigh, extracted.traceId,
        extracted.parentId, extracted.spanId, extracted.flags, extracted.traceState, requestId,
        baggage);
    withRequest.shareHex(extracted);
    return withRequest;
  }

  private static <C> @Nullable TraceContext extractQuietly(Propagation p, C carrier,
      Propagation.Getter<C> getter) {
    try {
      return p.extract(carrier, getter);
    } catch (RuntimeException e) {
      // A format must never throw; if one does, the request still goes on as a new trace.
      LOG.debug("propagation {} failed to extract", p, e);
      return null;
    }
  }

  /** See {@link Divak#inject}. */
  <C> void inject(TraceContext context, C carrier, Propagation.Setter<C> setter) {
    if (context.hasIds()) {
      for (Propagation propagation : propagations) {
        propagation.inject(context, carrier, setter);
      }
    }
    if (context.requestId != null) setter.set(carrier, requestIds.header(), context.requestId);
  }

  private static long nonZero(ThreadLocalRandom random) {
    long id;
    do {
      id = random.nextLong();
    } while (id == 0);
    return id;
  }
}
