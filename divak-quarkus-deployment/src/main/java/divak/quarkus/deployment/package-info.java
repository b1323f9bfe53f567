/**
 * The build-time half of divak's Quarkus extension: build steps that replace each traced resource
 * and bean by its generated decorator, register divak's filters and the run-time beans, and
 * install the handler that traces requests no resource matches. Applications depend on
 * {@code divak-quarkus}; Quarkus finds this module through it.
 */
package divak.quarkus.deployment;
