package divak;

// Long because the public value, its accessors and its builder, each documented; a value class
// with a builder is one file by convention.

import divak.internal.Hex;
import divak.internal.ParsedIds;
import divak.propagation.Baggage;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The identifiers that travel with a request: a 128-bit trace id, this span's 64-bit id, its
 * parent's id, the sampling decision, and the divak {@code Request-Id}.
 *
 * <p>Immutable. A context extracted from headers that carried only a sampling decision or only a
 * Request-Id has no ids ({@link #hasIds()} is false); a new trace is started from it.
 */
public final class TraceContext {
  static final int FLAG_SAMPLED_SET = 1;
  static final int FLAG_SAMPLED = 2;
  static final int FLAG_DEBUG = 4;
  /** W3C Level 2 "random trace id" ({@code traceparent} flags bit 1), passed on as received. */
  static final int FLAG_RANDOM = 8;

  final long traceIdHigh;
  final long traceId;
  final long parentId;
  final long spanId;
  final int flags;
  final @Nullable String traceState;
  final @Nullable String requestId;
  /** W3C baggage received upstream and passed on to children and outgoing calls; may be null. */
  final @Nullable Baggage baggage;

  // Lazily created and then shared by every unsampled span of this context, so that an unsampled
  // request allocates no span object per call. A benign race: two threads may each create one.
  @Nullable NoopSpan noopSpan;
  // The ids as hex, made on first use (MDC, logs, headers) and kept; a benign race as above. A
  // context made from another (a child, a copy) takes the forms that one has already made of the
  // ids they share, and an extracted one the strings its headers carried, so that a trace id is
  // formatted once per service rather than once per hop (RATIONALE.md, "Benchmarks").
  private @Nullable String traceIdHex;
  private @Nullable String spanIdHex;
  private @Nullable String parentIdHex;

  static {
    ParsedIds.set(new ParsedIds() {
      @Override
      public TraceContext build(Builder builder, @Nullable String traceIdHex,
          @Nullable String spanIdHex, @Nullable String parentIdHex) {
        TraceContext context = builder.build();
        context.traceIdHex = traceIdHex;
        context.spanIdHex = spanIdHex;
        context.parentIdHex = parentIdHex;
        return context;
      }
    });
  }

  TraceContext(Builder b) {
    this.traceIdHigh = b.traceIdHigh;
    this.traceId = b.traceId;
    this.parentId = b.parentId;
    this.spanId = b.spanId;
    this.flags = b.flags;
    this.traceState = b.traceState;
    this.requestId = b.requestId;
    this.baggage = b.baggage;
  }

  TraceContext(long traceIdHigh, long traceId, long parentId, long spanId, int flags,
      @Nullable String traceState, @Nullable String requestId) {
    this(traceIdHigh, traceId, parentId, spanId, flags, traceState, requestId, null);
  }

  TraceContext(long traceIdHigh, long traceId, long parentId, long spanId, int flags,
      @Nullable String traceState, @Nullable String requestId, @Nullable Baggage baggage) {
    this.traceIdHigh = traceIdHigh;
    this.traceId = traceId;
    this.parentId = parentId;
    this.spanId = spanId;
    this.flags = flags;
    this.traceState = traceState;
    this.requestId = requestId;
    this.baggage = baggage;
  }

  /** A builder with no ids and no sampling decision. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this context's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.traceIdHigh = traceIdHigh;
    b.traceId = traceId;
    b.parentId = parentId;
    b.spanId = spanId;
    b.flags = flags;
    b.traceState = traceState;
    b.requestId = requestId;
    b.baggage = baggage;
    b.source = this;
    return b;
  }

  /** Takes the hex forms that {@code from} has already made of the ids this context shares. */
  void shareHex(TraceContext from) {
    if (traceId == from.traceId && traceIdHigh == from.traceIdHigh) traceIdHex = from.traceIdHex;
    if (spanId == from.spanId) spanIdHex = from.spanIdHex;
    if (parentId == from.spanId) {
      parentIdHex = from.spanIdHex;
    } else if (parentId == from.parentId) {
      parentIdHex = from.parentIdHex;
    }
  }

  /** The upper 64 bits of the trace id; zero for a trace id that was sent as 64 bits. */
  public long traceIdHigh() {
    return traceIdHigh;
  }

  /** The lower 64 bits of the trace id. */
  public long traceId() {
    return traceId;
  }

  /** The parent span's id, or zero for a root span. */
  public long parentId() {
    return parentId;
  }

  /** This span's id; zero when the context holds no ids. */
  public long spanId() {
    return spanId;
  }

  /** True when this context holds a trace id and a span id. */
  public boolean hasIds() {
    return (traceIdHigh != 0 || traceId != 0) && spanId != 0;
  }

  /** {@code TRUE} or {@code FALSE} when a decision was made, {@code null} when it is deferred. */
  public @Nullable Boolean sampled() {
    if ((flags & FLAG_SAMPLED_SET) == 0) return null;
    return (flags & FLAG_SAMPLED) != 0 ? Boolean.TRUE : Boolean.FALSE;
  }

  /** True when this trace is recorded. */
  public boolean isSampled() {
    return (flags & FLAG_SAMPLED) != 0;
  }

  /** True when the caller forced sampling (B3 {@code X-B3-Flags: 1}, {@code b3: d}). */
  public boolean debug() {
    return (flags & FLAG_DEBUG) != 0;
  }

  /**
   * True when the caller said, with the W3C Level 2 flag, that the trace id's lower 56 bits are
   * random. divak passes the flag on unchanged.
   */
  public boolean traceIdRandom() {
    return (flags & FLAG_RANDOM) != 0;
  }

  /** The W3C {@code tracestate} value received upstream, passed on unchanged; may be null. */
  public @Nullable String traceState() {
    return traceState;
  }

  /** The divak Request-Id of the request this context belongs to; may be null. */
  public @Nullable String requestId() {
    return requestId;
  }

  /** The W3C baggage that came with the request, passed on to children; may be null. */
  public @Nullable Baggage baggage() {
    return baggage;
  }

  /**
   * The trace id as 32 lower-case hex digits, or 16 when it was sent as 64 bits (its upper half
   * is zero): the form Zipkin stores and shows, used alike in the MDC, logs and reported spans.
   */
  public String traceIdString() {
    String hex = traceIdHex;
    if (hex == null) {
      hex = traceIdHigh == 0 ? Hex.toHex(traceId) : Hex.toHex(traceIdHigh, traceId);
      traceIdHex = hex;
    }
    return hex;
  }

  /** This span's id as 16 lower-case hex digits. */
  public String spanIdString() {
    String hex = spanIdHex;
    if (hex == null) {
      hex = Hex.toHex(spanId);
      spanIdHex = hex;
    }
    return hex;
  }

  /** The parent span's id as 16 lower-case hex digits, or null for a root span. */
  public @Nullable String parentIdString() {
    if (parentId == 0) return null;
    String hex = parentIdHex;
    if (hex == null) {
      hex = Hex.toHex(parentId);
      parentIdHex = hex;
    }
    return hex;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (o == this) return true;
    if (!(o instanceof TraceContext)) return false;
    TraceContext that = (TraceContext) o;
    return traceIdHigh == that.traceIdHigh && traceId == that.traceId
        && parentId == that.parentId && spanId == that.spanId && flags == that.flags
        && Objects.equals(traceState, that.traceState)
        && Objects.equals(requestId, that.requestId)
        && Objects.equals(baggage, that.baggage);
  }

  @Override
  public int hashCode() {
    int h = Long.hashCode(traceIdHigh);
    h = 31 * h + Long.hashCode(traceId);
    h = 31 * h + Long.hashCode(spanId);
    return h;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("TraceContext{");
    if (hasIds()) {
      b.append(traceIdString()).append('/').append(spanIdString());
      if (parentId != 0) b.append(" parent=").append(parentIdString());
    } else {
      b.append("no ids");
    }
    b.append(" sampled=").append(sampled());
    if (debug()) b.append(" debug");
    if (requestId != null) b.append(" requestId=").append(requestId);
    return b.append('}').toString();
  }

  /** Builds a {@link TraceContext}; used by propagation formats and tests. */
  public static final class Builder {
    long traceIdHigh;
    long traceId;
    long parentId;
    long spanId;
    int flags;
    @Nullable String traceState;
    @Nullable String requestId;
    @Nullable Baggage baggage;
    /** The context {@link TraceContext#toBuilder()} started from, whose hex forms may be shared. */
    @Nullable TraceContext source;

    Builder() {
    }

    /** The upper 64 bits of a 128-bit trace id; zero for a 64-bit one. */
    public Builder traceIdHigh(long traceIdHigh) {
      this.traceIdHigh = traceIdHigh;
      return this;
    }

    /** The lower 64 bits of the trace id. */
    public Builder traceId(long traceId) {
      this.traceId = traceId;
      return this;
    }

    /** The parent span's id; zero for a root span. */
    public Builder parentId(long parentId) {
      this.parentId = parentId;
      return this;
    }

    /** This span's id. */
    public Builder spanId(long spanId) {
      this.spanId = spanId;
      return this;
    }

    /** Sets the sampling decision; {@code null} defers it to the sampler. */
    public Builder sampled(@Nullable Boolean sampled) {
      flags &= ~(FLAG_SAMPLED_SET | FLAG_SAMPLED);
      if (sampled != null) flags |= FLAG_SAMPLED_SET | (sampled ? FLAG_SAMPLED : 0);
      return this;
    }

    /** Debug forces sampling. */
    public Builder debug(boolean debug) {
      if (debug) {
        flags |= FLAG_DEBUG | FLAG_SAMPLED_SET | FLAG_SAMPLED;
      } else {
        flags &= ~FLAG_DEBUG;
      }
      return this;
    }

    /** The W3C Level 2 "random trace id" flag, to pass on. */
    public Builder traceIdRandom(boolean random) {
      if (random) {
        flags |= FLAG_RANDOM;
      } else {
        flags &= ~FLAG_RANDOM;
      }
      return this;
    }

    /** The W3C {@code tracestate} value to pass on unchanged; null for none. */
    public Builder traceState(@Nullable String traceState) {
      this.traceState = traceState;
      return this;
    }

    /** The divak Request-Id of the request; null for none. */
    public Builder requestId(@Nullable String requestId) {
      this.requestId = requestId;
      return this;
    }

    /** The W3C baggage to carry; null or empty for none. */
    public Builder baggage(@Nullable Baggage baggage) {
      this.baggage = baggage == null || baggage.isEmpty() ? null : baggage;
      return this;
    }

    /** The context with the values set so far. */
    public TraceContext build() {
      TraceContext context = new TraceContext(this);
      if (source != null) context.shareHex(source);
      return context;
    }
  }
}
