package divak.quarkus;

import io.quarkus.runtime.annotations.Recorder;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** What the extension sets up when the application starts. */
@Recorder
public class DivakRecorder {

  /** Built by Quarkus for the recorded build steps. */
  public DivakRecorder() {
  }

  /** The Vert.x route filter that traces the requests Quarkus REST does not answer. */
  public Handler<RoutingContext> unmatchedRequests() {
    return new UnmatchedRequests();
  }
}
