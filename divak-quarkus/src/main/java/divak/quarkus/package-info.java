/**
 * The run-time half of divak's Quarkus extension: the {@code Divak} bean configured from
 * {@code divak.*} (and {@code quarkus.application.name}), divak's filters on Quarkus REST with the
 * matched resource method, requests that match no resource traced, and Quarkus REST Client calls
 * traced when the client is present. The build steps are in {@code divak-quarkus-deployment}.
 */
package divak.quarkus;
