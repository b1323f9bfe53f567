package divak;

// Long because one reader per OTEL_* variable, each with the SDK's meaning and its error message,
// kept together as the table they implement.

import divak.propagation.Propagation;
import divak.report.OtlpReporter;
import divak.report.Reporter;
import divak.report.ZipkinReporter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the OpenTelemetry SDK's environment variables with the meanings and defaults of its
 * autoconfigure, validating every one: an unknown or malformed value is an {@link
 * IllegalArgumentException} that names the variable and what it accepts. Reporters are made only
 * when asked for, so that a failed read starts no thread.
 */
final class EnvironmentConfig {
  static final String DEFAULT_OTLP_ENDPOINT = "http://localhost:4318";
  static final String DEFAULT_ZIPKIN_ENDPOINT = "http://localhost:9411/api/v2/spans";

  private final Map<String, String> env;
  private final String serviceName;
  private final Map<String, String> resourceAttributes;
  private final Sampler sampler;
  private final List<Propagation> propagations;
  private final boolean otlp;
  private final boolean zipkin;
  private final String otlpEndpoint;
  private final Map<String, String> otlpHeaders;
  private final boolean otlpGzip;
  private final Duration otlpTimeout;
  private final String zipkinEndpoint;

  private EnvironmentConfig(Map<String, String> env) {
    this.env = env;
    this.resourceAttributes = keyValues("OTEL_RESOURCE_ATTRIBUTES");
    String name = get("OTEL_SERVICE_NAME");
    if (name == null) name = resourceAttributes.get("service.name");
    this.serviceName = name != null ? name : "unknown_service:java";
    this.sampler = readSampler();
    this.propagations = readPropagations();
    Set<String> exporters = list("OTEL_TRACES_EXPORTER", "otlp", Set.of("otlp", "zipkin", "none"),
        Set.of("console", "logging", "logging-otlp"));
    this.otlp = exporters.contains("otlp");
    this.zipkin = exporters.contains("zipkin");

    String protocol = signal("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL");
    if (otlp && protocol != null && !get(protocol).equals("http/protobuf")) {
      String value = get(protocol);
      throw new IllegalArgumentException(protocol + (value.equals("grpc") || value.equals("http/json")
          ? " " + value + " is not supported by divak, which exports http/protobuf"
          : " should be http/protobuf (grpc and http/json are not supported)") + ": was '"
          + value + "'");
    }
    String tracesEndpoint = get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
    String endpoint;
    String endpointVariable;
    if (tracesEndpoint != null) {
      endpoint = tracesEndpoint;
      endpointVariable = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    } else {
      String base = get("OTEL_EXPORTER_OTLP_ENDPOINT");
      endpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
      if (base == null) base = DEFAULT_OTLP_ENDPOINT;
      endpoint = base + (base.endsWith("/") ? "" : "/") + "v1/traces";
    }
    this.otlpEndpoint = httpUrl(endpointVariable, endpoint);
    String headers = signal("OTEL_EXPORTER_OTLP_TRACES_HEADERS", "OTEL_EXPORTER_OTLP_HEADERS");
    this.otlpHeaders = headers != null ? keyValues(headers) : Map.of();
    String compression =
        signal("OTEL_EXPORTER_OTLP_TRACES_COMPRESSION", "OTEL_EXPORTER_OTLP_COMPRESSION");
    if (compression != null && !get(compression).equals("gzip") && !get(compression).equals("none")) {
      throw new IllegalArgumentException(
          compression + " should be gzip or none: was '" + get(compression) + "'");
    }
    this.otlpGzip = compression != null && get(compression).equals("gzip");
    String timeout = signal("OTEL_EXPORTER_OTLP_TRACES_TIMEOUT", "OTEL_EXPORTER_OTLP_TIMEOUT");
    this.otlpTimeout = timeout != null ? duration(timeout) : Duration.ofSeconds(10);
    String zipkinUrl = get("OTEL_EXPORTER_ZIPKIN_ENDPOINT");
    this.zipkinEndpoint = httpUrl("OTEL_EXPORTER_ZIPKIN_ENDPOINT",
        zipkinUrl != null ? zipkinUrl : DEFAULT_ZIPKIN_ENDPOINT);
  }

  /** @throws IllegalArgumentException naming the first variable that is unknown or malformed */
  static EnvironmentConfig read(Map<String, String> env) {
    return new EnvironmentConfig(env);
  }

  String serviceName() {
    return serviceName;
  }

  Map<String, String> resourceAttributes() {
    return resourceAttributes;
  }

  Sampler sampler() {
    return sampler;
  }

  List<Propagation> propagations() {
    return propagations;
  }

  /** The OTLP traces URL, or null when OTLP is not among the exporters. */
  @Nullable String otlpEndpoint() {
    return otlp ? otlpEndpoint : null;
  }

  Map<String, String> otlpHeaders() {
    return otlpHeaders;
  }

  boolean otlpGzip() {
    return otlpGzip;
  }

  Duration otlpTimeout() {
    return otlpTimeout;
  }

  /** The Zipkin spans URL, or null when Zipkin is not among the exporters. */
  @Nullable String zipkinEndpoint() {
    return zipkin ? zipkinEndpoint : null;
  }

  /** New reporters, their threads started, for the exporters named. */
  List<Reporter> reporters() {
    List<Reporter> reporters = new ArrayList<>(2);
    if (otlp) {
      OtlpReporter.Builder b = OtlpReporter.builderForTracesUrl(otlpEndpoint)
          .compression(otlpGzip ? "gzip" : "none")
          .timeout(otlpTimeout);
      otlpHeaders.forEach(b::header);
      resourceAttributes.forEach(b::resourceAttribute);
      reporters.add(b.build());
    }
    if (zipkin) reporters.add(ZipkinReporter.builderForSpansUrl(zipkinEndpoint).build());
    return reporters;
  }

  // A blank variable is an unset one, as in the SDK.
  private @Nullable String get(String name) {
    String value = env.get(name);
    if (value == null) return null;
    value = value.trim();
    return value.isEmpty() ? null : value;
  }

  /** The signal-specific variable when it is set, else the general one when set, else null. */
  private @Nullable String signal(String specific, String general) {
    if (get(specific) != null) return specific;
    return get(general) != null ? general : null;
  }

  private Sampler readSampler() {
    String name = get("OTEL_TRACES_SAMPLER");
    if (name == null) name = "parentbased_always_on";
    switch (name) {
      case "always_on":
        return new ParentIgnoringSampler(Sampler.always(), "always_on");
      case "always_off":
        return new ParentIgnoringSampler(Sampler.never(), "always_off");
      case "traceidratio":
        return new ParentIgnoringSampler(Sampler.probability(ratio()),
            "traceidratio(" + ratio() + ")");
      case "parentbased_always_on":
        return Sampler.always();
      case "parentbased_always_off":
        return Sampler.never();
      case "parentbased_traceidratio":
        return Sampler.probability(ratio());
      case "jaeger_remote":
      case "parentbased_jaeger_remote":
      case "xray":
        throw new IllegalArgumentException("OTEL_TRACES_SAMPLER " + name
            + " is not supported by divak: use always_on, always_off, traceidratio,"
            + " parentbased_always_on, parentbased_always_off or parentbased_traceidratio");
      default:
        throw new IllegalArgumentException("OTEL_TRACES_SAMPLER should be one of always_on,"
            + " always_off, traceidratio, parentbased_always_on, parentbased_always_off,"
            + " parentbased_traceidratio: was '" + name + "'");
    }
  }

  private double ratio() {
    String arg = get("OTEL_TRACES_SAMPLER_ARG");
    if (arg == null) return 1.0;
    double ratio;
    try {
      ratio = Double.parseDouble(arg);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "OTEL_TRACES_SAMPLER_ARG should be a number between 0 and 1: was '" + arg + "'");
    }
    if (!(ratio >= 0.0 && ratio <= 1.0)) {
      throw new IllegalArgumentException(
          "OTEL_TRACES_SAMPLER_ARG should be a number between 0 and 1: was '" + arg + "'");
    }
    return ratio;
  }

  private List<Propagation> readPropagations() {
    Set<String> names = list("OTEL_PROPAGATORS", "tracecontext,baggage",
        Set.of("tracecontext", "baggage", "b3", "b3multi", "none"),
        Set.of("jaeger", "xray", "xray-lambda", "ottrace"));
    List<Propagation> formats = new ArrayList<>();
    for (String name : names) {
      switch (name) {
        case "tracecontext":
          formats.add(Propagation.w3c());
          break;
        case "baggage":
          formats.add(Propagation.baggage());
          break;
        case "b3":
          formats.add(Propagation.b3Single());
          break;
        case "b3multi":
          formats.add(Propagation.b3());
          break;
        default: // none
          formats.add(None.INSTANCE);
          break;
      }
    }
    return List.copyOf(formats);
  }

  /**
   * The comma-separated values of {@code variable} (or its default), each one of {@code known};
   * {@code none} must stand alone.
   */
  private Set<String> list(String variable, String defaultValue, Set<String> known,
      Set<String> unsupported) {
    String value = get(variable);
    if (value == null) value = defaultValue;
    Set<String> names = new LinkedHashSet<>();
    for (String part : value.split(",")) {
      String name = part.trim();
      if (name.isEmpty()) continue;
      if (unsupported.contains(name)) {
        throw new IllegalArgumentException(variable + " " + name + " is not supported by divak,"
            + " which knows " + String.join(", ", new java.util.TreeSet<>(known)) + ": was '"
            + value + "'");
      }
      if (!known.contains(name)) {
        throw new IllegalArgumentException(variable + " should be a comma-separated list of "
            + String.join(", ", new java.util.TreeSet<>(known)) + ", and '" + name
            + "' is not one: was '" + value + "'");
      }
      names.add(name);
    }
    if (names.contains("none") && names.size() > 1) {
      throw new IllegalArgumentException(
          variable + " lists none together with other values: was '" + value + "'");
    }
    return names;
  }

  /** {@code key=value} pairs separated by commas, values percent-decoded, as the SDK reads them. */
  private Map<String, String> keyValues(String variable) {
    String value = get(variable);
    Map<String, String> map = new LinkedHashMap<>();
    if (value == null) return map;
    for (String part : value.split(",")) {
      if (part.trim().isEmpty()) continue;
      int eq = part.indexOf('=');
      String key = eq < 0 ? "" : part.substring(0, eq).trim();
      if (key.isEmpty()) {
        throw new IllegalArgumentException(variable
            + " should be key=value pairs separated by commas, and '" + part.trim()
            + "' is not one: was '" + value + "'");
      }
      String v = part.substring(eq + 1).trim();
      map.put(key, percentDecode(v));
    }
    return map;
  }

  /**
   * Decodes {@code %XX} as UTF-8 bytes, as the SDK does ({@code +} stays a plus); a {@code %} not
   * followed by two hex digits is kept.
   */
  static String percentDecode(String value) {
    if (value.indexOf('%') < 0) return value;
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      int hi = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
      int lo = i + 2 < value.length() ? Character.digit(value.charAt(i + 2), 16) : -1;
      if (c == '%' && hi >= 0 && lo >= 0) {
        out.write((hi << 4) | lo);
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
      }
    }
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  /** A duration as the SDK reads one: digits and an optional unit (ms when none). */
  private Duration duration(String variable) {
    String value = get(variable).toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < value.length() && Character.isDigit(value.charAt(i))) i++;
    String unit = value.substring(i).trim();
    long amount;
    try {
      amount = Long.parseLong(value.substring(0, i));
    } catch (NumberFormatException e) {
      amount = -1;
    }
    Duration d;
    switch (unit) {
      case "":
      case "ms":
        d = amount < 0 ? null : Duration.ofMillis(amount);
        break;
      case "us":
        d = amount < 0 ? null : Duration.ofNanos(amount * 1000);
        break;
      case "ns":
        d = amount < 0 ? null : Duration.ofNanos(amount);
        break;
      case "s":
        d = amount < 0 ? null : Duration.ofSeconds(amount);
        break;
      case "m":
        d = amount < 0 ? null : Duration.ofMinutes(amount);
        break;
      case "h":
        d = amount < 0 ? null : Duration.ofHours(amount);
        break;
      case "d":
        d = amount < 0 ? null : Duration.ofDays(amount);
        break;
      default:
        d = null;
        break;
    }
    if (d == null) {
      throw new IllegalArgumentException(variable
          + " should be milliseconds, or a number with a unit (ms, s, m, h, d): was '"
          + get(variable) + "'");
    }
    // The SDK reads 0 as no limit.
    return d.isZero() ? Duration.ofDays(1) : d;
  }

  private static String httpUrl(String variable, String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(variable + " should be an http or https URL: was '"
          + url + "'", e);
    }
    String scheme = uri.getScheme();
    if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          variable + " should be an http or https URL: was '" + url + "'");
    }
    return url;
  }

  /** {@code OTEL_PROPAGATORS=none}: reads and writes no header. */
  private static final class None implements Propagation {
    static final None INSTANCE = new None();

    @Override
    public <C> divak.@Nullable TraceContext extract(C carrier, Getter<C> getter) {
      return null;
    }

    @Override
    public <C> void inject(divak.TraceContext context, C carrier, Setter<C> setter) {
    }

    @Override
    public String toString() {
      return "none";
    }
  }
}
