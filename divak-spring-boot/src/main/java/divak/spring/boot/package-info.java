/**
 * Spring Boot auto-configuration for divak on {@code spring-boot-starter-jersey}: a {@code Divak}
 * bean configured from the {@code divak.*} properties, {@code DivakFeature} registered on Jersey,
 * and each generated decorator registered as the bean of its traced original. Adding the
 * dependency (and the processor) is the whole setup; a {@code Divak} bean of the application's
 * own takes precedence.
 */
package divak.spring.boot;
