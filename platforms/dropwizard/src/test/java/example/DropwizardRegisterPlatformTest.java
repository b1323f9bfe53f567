package example;

import divak.platforms.PlatformContract;
import divak.report.Reporter;

/** Dropwizard 5 with {@code environment.jersey().register(new Divak_BookResource())}. */
class DropwizardRegisterPlatformTest extends PlatformContract {

  @Override
  protected Running startTraced(Reporter reporter) {
    return DropwizardApps.start(BooksApplication::new, reporter);
  }

  @Override
  protected Running startPlain() {
    return DropwizardApps.startPlain();
  }
}
