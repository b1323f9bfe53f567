package divak.quarkus.deployment.app;

import divak.annotations.Traced;
import jakarta.enterprise.context.RequestScoped;

/** A request-scoped bean: its decorator must keep the scope. */
@RequestScoped
public class Visits {
  private int visits;

  @Traced
  public int visit() {
    return ++visits;
  }
}
