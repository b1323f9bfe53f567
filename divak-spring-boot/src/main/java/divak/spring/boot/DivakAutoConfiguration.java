package divak.spring.boot;

import divak.Divak;
import divak.jaxrs.DivakFeature;
import divak.report.Reporter;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jersey.autoconfigure.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * divak on Spring Boot: a {@link Divak} bean from the {@code divak.*} properties
 * ({@link DivakProperties}) plus every {@link Reporter} bean, unless the application defines its
 * own {@code Divak}; the generated decorators as the beans of their originals; and, with
 * spring-boot-starter-jersey, {@link DivakFeature} on Jersey's {@link ResourceConfig} and a traced
 * JAX-RS {@link Client} bean. The {@code Divak} bean and the client are closed, and the spans
 * flushed, when the context closes.
 */
@AutoConfiguration
@ConditionalOnClass(Divak.class)
@EnableConfigurationProperties(DivakProperties.class)
public class DivakAutoConfiguration {
  /** Created by Spring Boot from the auto-configuration imports. */
  public DivakAutoConfiguration() {
  }

  /**
   * Gives each bean whose class has a divak decorator the decorator as its class.
   *
   * @return the post-processor; static, as Spring requires of bean factory post-processors
   */
  @Bean
  static DecoratorBeans divakDecoratorBeans() {
    return new DecoratorBeans();
  }

  /**
   * The tracer.
   *
   * @param properties the {@code divak.*} properties
   * @param environment for {@code spring.application.name}
   * @param reporters the application's {@link Reporter} beans, each added to the tracer
   * @return the tracer, closed with the context
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public Divak divak(DivakProperties properties, Environment environment, ObjectProvider<Reporter> reporters) {
    return new DivakFactory(properties, environment.getProperty("spring.application.name"))
        .create(reporters.orderedStream().toList());
  }

  /** Jersey: the feature on the server, a traced client. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({ResourceConfig.class, ResourceConfigCustomizer.class, DivakFeature.class})
  static class Jersey {
    @Bean
    ResourceConfigCustomizer divakResourceConfigCustomizer(Divak divak, DivakProperties properties) {
      return config -> config.register(feature(divak, properties));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnClass(name = "org.glassfish.jersey.client.JerseyClientBuilder")
    Client divakClient(Divak divak) {
      return ClientBuilder.newClient().register(new DivakFeature(divak));
    }

    private static DivakFeature feature(Divak divak, DivakProperties properties) {
      DivakFeature feature = new DivakFeature(divak).accessLog(properties.accessLog());
      String metricsPath = properties.metricsPath();
      return metricsPath == null || metricsPath.isBlank() ? feature : feature.metricsAt(metricsPath);
    }
  }
}
