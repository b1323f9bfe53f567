package example;

import divak.platforms.PlatformContract;
import divak.report.Reporter;

/**
 * Dropwizard 5 with {@code environment.jersey().packages("example.books")}: scanning finds
 * {@code BookResource} and its decorator both; the application starts and the decorator serves.
 */
class DropwizardScanningPlatformTest extends PlatformContract {

  @Override
  protected Running startTraced(Reporter reporter) {
    return DropwizardApps.start(ScanningBooksApplication::new, reporter);
  }

  @Override
  protected Running startPlain() {
    return DropwizardApps.startPlain();
  }
}
