package example.books;

import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.stereotype.Component;

/** Registers the endpoints one by one, as Spring Boot's reference guide advises for Jersey. */
@Component
public class JerseyConfig extends ResourceConfig {
  /** Registers {@link BookResource}. */
  public JerseyConfig() {
    register(BookResource.class);
  }
}
