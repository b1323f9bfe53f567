/**
 * Request metrics and event counters for every request, sampled or not, written in the
 * Prometheus text format (version 0.0.4).
 *
 * <pre>{@code
 * Route route = divak.metrics().server("GET", "/orders/{id}");  // once per route; keep it
 * route.record(200, System.nanoTime() - start, false);          // per request: no lock
 *
 * divak.count("cache.miss");                                    // divak_events_total{event="cache.miss"}
 * divak.metrics().writePrometheus(writer);                      // the scrape
 * }</pre>
 */
@NullMarked
package divak.metrics;

import org.jspecify.annotations.NullMarked;
