package divak.quarkus.deployment.app;

import divak.annotations.Tag;
import divak.annotations.Traced;
import jakarta.enterprise.context.ApplicationScoped;

/** An application-scoped bean whose decorator must be the bean that is injected. */
@ApplicationScoped
public class Shelf {
  @Traced
  public int count(@Tag("shelf") String name) {
    return name.length();
  }
}
