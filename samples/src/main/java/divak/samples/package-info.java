/**
 * A runnable demo ({@link divak.samples.Demo}): two Jakarta REST services on Jersey and
 * 127.0.0.1, a frontend that calls a backend, each traced with {@code @Traced} and {@code
 * DivakFeature}; it sends a handful of requests and prints each trace as a tree, or keeps both
 * services running with {@code --serve}.
 */
package divak.samples;
