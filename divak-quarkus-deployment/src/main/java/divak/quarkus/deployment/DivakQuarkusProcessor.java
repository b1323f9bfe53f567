package divak.quarkus.deployment;

import divak.quarkus.DivakProducer;
import divak.quarkus.DivakRecorder;
import divak.quarkus.JaxrsAnswered;
import divak.quarkus.JaxrsStarted;
import divak.quarkus.DivakRestFeature;
import divak.quarkus.ResourceMethodFilter;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.AnnotationsTransformerBuildItem;
import io.quarkus.arc.deployment.BuildTimeConditionBuildItem;
import io.quarkus.arc.deployment.ExcludedTypeBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.resteasy.reactive.spi.ContainerRequestFilterBuildItem;
import io.quarkus.resteasy.reactive.spi.ContainerResponseFilterBuildItem;
import io.quarkus.resteasy.reactive.spi.JaxrsFeatureBuildItem;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.vertx.http.deployment.FilterBuildItem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jboss.jandex.ClassInfo;
import org.jboss.logging.Logger;

/**
 * The build steps of the divak extension: every class that divak's processor decorated is
 * replaced by its decorator, as a resource and as a bean, and divak's filters are registered.
 */
class DivakQuarkusProcessor {
  private static final Logger LOG = Logger.getLogger(DivakQuarkusProcessor.class);
  private static final String FEATURE = "divak";
  // Vert.x route filters run from the highest priority down; quarkus-vertx-http's authentication
  // filter has 200 and its permission check 100, so requests they reject are traced too.
  private static final int UNMATCHED_FILTER_PRIORITY = 400;
  // divak-jaxrs's start filter has Integer.MIN_VALUE + 1000; JaxrsStarted runs just after it.
  private static final int STARTED_FILTER_PRIORITY = Integer.MIN_VALUE + 1001;

  @BuildStep
  FeatureBuildItem feature() {
    return new FeatureBuildItem(FEATURE);
  }

  /**
   * The decorators found in the application, by name and superclass. Each original is excluded
   * from Quarkus REST and ArC (as {@code @IfBuildProperty} would exclude it), and its decorator
   * becomes the resource and the bean, with the original's scope and {@code @Inject} constructor.
   */
  @BuildStep(onlyIf = Enabled.class)
  void replaceOriginals(CombinedIndexBuildItem index, LaunchModeBuildItem launchMode,
      BuildProducer<BuildTimeConditionBuildItem> conditions,
      BuildProducer<ExcludedTypeBuildItem> excludedTypes,
      BuildProducer<AdditionalBeanBuildItem> beans,
      BuildProducer<AnnotationsTransformerBuildItem> transformers) {
    List<Decorated> found = Decorated.find(index.getIndex());
    List<Decorated> decorated = launchMode.getLaunchMode() == LaunchMode.DEVELOPMENT
        ? withoutLeftOvers(index, found, conditions, excludedTypes)
        : found;
    if (found.isEmpty()) {
      LOG.warn("divak: no generated decorator (Divak_*) found; is io.divak:divak-processor on "
          + "the compiler's processor path, and is a class annotated with @Traced?");
      return;
    }
    if (decorated.isEmpty()) return;
    AdditionalBeanBuildItem.Builder decorators = AdditionalBeanBuildItem.builder();
    for (Decorated d : decorated) {
      conditions.produce(new BuildTimeConditionBuildItem(d.original(), false));
      decorators.addBeanClass(d.decorator().name().toString());
      LOG.debugf("divak: %s replaces %s", d.decorator().name(), d.original().name());
    }
    beans.produce(decorators.build());
    transformers.produce(new AnnotationsTransformerBuildItem(DecoratorAnnotations.scopes(decorated)));
    transformers.produce(
        new AnnotationsTransformerBuildItem(DecoratorAnnotations.injectConstructors(decorated)));
  }

  /**
   * Dev mode only: a decorator that the processor would not write now (its original lost its
   * last {@code @Traced}, or its source was deleted) is left out, as a bean and as a resource, so
   * that the original serves as the user's code now says. It is also an excluded type, which ArC
   * checks before anything else: a left-over whose original is gone would otherwise fail the
   * build where Quarkus REST looks up its missing superclass. Outside dev mode the rule is not
   * applied: there a decorator without {@code @Traced} on its original is one written by hand
   * (the deployment tests keep one), or one that a clean build removes.
   */
  private static List<Decorated> withoutLeftOvers(CombinedIndexBuildItem index,
      List<Decorated> decorated, BuildProducer<BuildTimeConditionBuildItem> conditions,
      BuildProducer<ExcludedTypeBuildItem> excludedTypes) {
    List<ClassInfo> leftOver = Decorated.leftOver(index.getIndex());
    if (leftOver.isEmpty()) return decorated;
    for (ClassInfo stale : leftOver) {
      conditions.produce(new BuildTimeConditionBuildItem(stale, false));
      excludedTypes.produce(new ExcludedTypeBuildItem(stale.name().toString()));
      LOG.infof("divak: %s is left from an earlier compilation (%s has no @Traced now or is "
          + "gone); it is left out and the original serves untraced. A clean build deletes it.",
          stale.name(), stale.superName());
    }
    List<Decorated> current = new ArrayList<>(decorated);
    current.removeIf(d -> leftOver.contains(d.decorator()));
    return current;
  }

  /**
   * divak's server filters: {@link DivakRestFeature} registers divak-jaxrs's {@code DivakFeature}
   * with the application's tracer; {@link ResourceMethodFilter} binds the request to the thread
   * of the resource method and names the span after its route; {@link JaxrsStarted} and {@link
   * JaxrsAnswered} let the Vert.x filter end the requests Quarkus REST passes on unanswered.
   */
  @BuildStep(onlyIf = Enabled.class)
  void registerProviders(BuildProducer<AdditionalBeanBuildItem> beans,
      BuildProducer<JaxrsFeatureBuildItem> features,
      BuildProducer<ContainerRequestFilterBuildItem> requestFilters,
      BuildProducer<ContainerResponseFilterBuildItem> responseFilters) {
    beans.produce(AdditionalBeanBuildItem.builder().setUnremovable()
        .addBeanClasses(DivakProducer.class, DivakRestFeature.class, ResourceMethodFilter.class,
            JaxrsAnswered.class, JaxrsStarted.class)
        .build());
    features.produce(new JaxrsFeatureBuildItem(DivakRestFeature.class.getName(), true));
    requestFilters.produce(new ContainerRequestFilterBuildItem.Builder(
        ResourceMethodFilter.class.getName()).setPriority(0).setRegisterAsBean(true).build());
    requestFilters.produce(new ContainerRequestFilterBuildItem.Builder(
        JaxrsStarted.class.getName()).setPreMatching(true).setPriority(STARTED_FILTER_PRIORITY)
        .setRegisterAsBean(true).build());
    responseFilters.produce(new ContainerResponseFilterBuildItem.Builder(
        JaxrsAnswered.class.getName()).setPriority(0).setRegisterAsBean(true).build());
  }

  /**
   * A Vert.x route filter for every HTTP request, ahead of Quarkus' security filters, that
   * traces what Quarkus REST does not answer: a path no resource matches gets Vert.x's 404.
   */
  @BuildStep(onlyIf = Enabled.class)
  @Record(ExecutionTime.RUNTIME_INIT)
  FilterBuildItem unmatchedRequests(DivakRecorder recorder) {
    return new FilterBuildItem(recorder.unmatchedRequests(), UNMATCHED_FILTER_PRIORITY);
  }

  /**
   * With {@code quarkus.divak.enabled=false}: the generated decorators are left out of Quarkus
   * REST and ArC, so the originals serve and are injected, as in the application without divak.
   */
  @BuildStep(onlyIfNot = Enabled.class)
  void keepOriginals(CombinedIndexBuildItem index,
      BuildProducer<BuildTimeConditionBuildItem> conditions) {
    List<Decorated> decorated = Decorated.find(index.getIndex());
    for (Decorated d : decorated) {
      conditions.produce(new BuildTimeConditionBuildItem(d.decorator(), false));
    }
    LOG.infof("divak: off (quarkus.divak.enabled=false); %d traced classes serve undecorated",
        decorated.size());
  }

  /** True unless {@code quarkus.divak.enabled} is {@code false}. */
  public static final class Enabled implements BooleanSupplier {
    private final DivakBuildConfig config;

    /** Built by Quarkus with the build-time settings. */
    public Enabled(DivakBuildConfig config) {
      this.config = config;
    }

    @Override
    public boolean getAsBoolean() {
      return config.enabled();
    }
  }
}
