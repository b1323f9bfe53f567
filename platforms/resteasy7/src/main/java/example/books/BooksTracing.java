package example.books;

import divak.Divak;
import divak.jaxrs.DivakFeature;
import divak.report.Reporter;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/** divak for a scanning deployment: a {@code @Provider} feature that registers DivakFeature. */
@Provider
public class BooksTracing implements Feature {
  private static volatile Divak divak;

  /** The {@link Divak} of this application: spans to the log unless {@link #use} was called. */
  public static Divak divak() {
    Divak d = divak;
    if (d == null) {
      synchronized (BooksTracing.class) {
        if (divak == null) {
          divak = Divak.builder().serviceName("books").reporter(Reporter.logging()).build();
        }
        d = divak;
      }
    }
    return d;
  }

  /** Replaces the {@link Divak} of this application (tests report to memory). */
  public static void use(Divak replacement) {
    divak = replacement;
  }

  @Override
  public boolean configure(FeatureContext context) {
    context.register(new DivakFeature(divak()));
    return true;
  }
}
