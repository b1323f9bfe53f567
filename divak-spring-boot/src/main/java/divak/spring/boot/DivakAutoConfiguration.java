package divak.spring.boot;

import divak.Divak;
import divak.jaxrs.DivakFeature;
import divak.report.Reporter;
import divak.report.ZipkinReporter;
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
 * JAX-RS {@link Client} bean. The {@code Divak} bean is closed, and its spans flushed, when the
 * context closes.
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
    Client divakClient(Divak divak, DivakProperties properties) {
      return ClientBuilder.newClient().register(feature(divak, properties));
    }

    private static DivakFeature feature(Divak divak, DivakProperties properties) {
      DivakFeature feature = new DivakFeature(divak).accessLog(properties.accessLog());
      String metricsPath = properties.metricsPath();
      return metricsPath == null || metricsPath.isBlank() ? feature : feature.metricsAt(metricsPath);
    }
  }

  /** Builds a {@link Divak} from the properties; separate so that it reads without Spring. */
  static final class DivakFactory {
    private final DivakProperties properties;
    private final String applicationName;

    DivakFactory(DivakProperties properties, String applicationName) {
      this.properties = properties;
      this.applicationName = applicationName;
    }

    Divak create(Iterable<Reporter> reporters) {
      Divak.Builder builder = Divak.builder()
          .serviceName(serviceName())
          .sampler(sampler())
          .requestIdHeader(properties.requestIdHeader())
          .generateRequestIds(properties.generateRequestIds());
      for (Reporter reporter : reporters) builder.reporter(reporter);
      String zipkin = properties.zipkin().url();
      if (zipkin != null && !zipkin.isBlank()) builder.reporter(ZipkinReporter.create(zipkin));
      return builder.build();
    }

    private String serviceName() {
      if (properties.serviceName() != null && !properties.serviceName().isBlank()) return properties.serviceName();
      if (applicationName != null && !applicationName.isBlank()) return applicationName;
      return "application";
    }

    private divak.Sampler sampler() {
      DivakProperties.Sampler sampler = properties.sampler();
      if (sampler.probability() != null && sampler.tracesPerSecond() != null) {
        throw new IllegalArgumentException(
            "divak.sampler.probability and divak.sampler.traces-per-second are both set; set one");
      }
      if (sampler.probability() != null) return divak.Sampler.probability(sampler.probability());
      if (sampler.tracesPerSecond() != null) return divak.Sampler.rateLimited(sampler.tracesPerSecond());
      return divak.Sampler.always();
    }
  }
}
