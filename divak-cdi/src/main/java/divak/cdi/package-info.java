/**
 * A CDI portable extension for divak (Helidon MP, or any CDI 4 container with Jakarta REST): each
 * generated decorator replaces its traced original as the bean, {@code Divak} is a singleton
 * bean configured from MicroProfile Config (system properties without it), and
 * {@code DivakFeature} is registered as a provider.
 */
package divak.cdi;
