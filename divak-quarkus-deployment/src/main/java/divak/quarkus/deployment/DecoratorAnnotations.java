package divak.quarkus.deployment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationTransformation;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.MethodInfo;

/**
 * What a decorator needs to be the bean its original was. The processor repeats the original's
 * class annotations except {@code @Inherited} ones, and its constructors without their
 * annotations; ArC reads neither from a superclass. So the decorator gets the original's CDI
 * scope (those of CDI and {@code @Singleton}, whether or not they are inherited) and
 * {@code @Inject} on the constructor whose parameters match the original's {@code @Inject} one.
 */
final class DecoratorAnnotations {
  static final DotName INJECT = DotName.createSimple("jakarta.inject.Inject");
  static final Set<DotName> SCOPES = Set.of(
      DotName.createSimple("jakarta.enterprise.context.ApplicationScoped"),
      DotName.createSimple("jakarta.enterprise.context.RequestScoped"),
      DotName.createSimple("jakarta.enterprise.context.SessionScoped"),
      DotName.createSimple("jakarta.enterprise.context.Dependent"),
      DotName.createSimple("jakarta.inject.Singleton"));

  /** Gives each decorator its original's scope when it has none of its own. */
  static AnnotationTransformation scopes(List<Decorated> decorated) {
    Map<DotName, AnnotationInstance> scopeOf = new HashMap<>();
    for (Decorated d : decorated) {
      for (AnnotationInstance a : d.original().declaredAnnotations()) {
        if (SCOPES.contains(a.name())) scopeOf.put(d.decorator().name(), a);
      }
    }
    return AnnotationTransformation.forClasses()
        .when(ctx -> scopeOf.containsKey(ctx.declaration().asClass().name())
            && SCOPES.stream().noneMatch(ctx::hasAnnotation))
        .transform(ctx -> {
          ClassInfo decorator = ctx.declaration().asClass();
          AnnotationInstance scope = scopeOf.get(decorator.name());
          ctx.add(AnnotationInstance.create(scope.name(), decorator, scope.values()));
        });
  }

  /** Puts {@code @Inject} on each decorator constructor that mirrors an {@code @Inject} one. */
  static AnnotationTransformation injectConstructors(List<Decorated> decorated) {
    Map<DotName, ClassInfo> originalOf = new HashMap<>();
    for (Decorated d : decorated) originalOf.put(d.decorator().name(), d.original());
    return AnnotationTransformation.forMethods()
        .when(ctx -> {
          MethodInfo method = ctx.declaration().asMethod();
          ClassInfo original = originalOf.get(method.declaringClass().name());
          return original != null && method.isConstructor() && !ctx.hasAnnotation(INJECT)
              && mirrorsInjectConstructor(method, original);
        })
        .transform(ctx -> ctx.add(AnnotationInstance.builder(INJECT)
            .buildWithTarget((AnnotationTarget) ctx.declaration().asMethod())));
  }

  private static boolean mirrorsInjectConstructor(MethodInfo constructor, ClassInfo original) {
    for (MethodInfo candidate : original.constructors()) {
      if (candidate.hasDeclaredAnnotation(INJECT)
          && candidate.parameterTypes().equals(constructor.parameterTypes())) {
        return true;
      }
    }
    return false;
  }

  private DecoratorAnnotations() {
  }
}
