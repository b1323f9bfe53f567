package divak.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Decides which annotations of the original a decorator repeats, and which it leaves to
 * inheritance. The rules, and why:
 *
 * <ul>
 *   <li>On the class, every annotation retained at run time is repeated ({@code @Path},
 *       {@code @Produces}, {@code @RolesAllowed}, name bindings), because class annotations are
 *       not inherited unless {@code @Inherited}; those that are, Bean Validation constraints
 *       (which would be checked twice) and divak's own are not.
 *   <li>A CDI scope or stereotype on the class is repeated although scopes are {@code @Inherited}:
 *       CDI's {@code annotated} discovery mode, and Quarkus' ArC, see only declared bean-defining
 *       annotations. The original then stays a bean too; divak-cdi vetoes it, so that the
 *       decorator is the one bean of its type.
 *   <li>A Spring stereotype ({@code @Component} and every annotation meta-annotated with it:
 *       {@code @Service}, {@code @Repository}, {@code @RestController}, ...) is not repeated, so
 *       component scanning finds the original only; divak-spring-boot then gives the original's
 *       bean definition the decorator as its class: one bean, created once, named as before.
 *   <li>On an overriding method, no Jakarta REST annotation is repeated, on the method or its
 *       parameters: an override without any inherits them all from the original (Jakarta REST 3.1,
 *       section 3.6), while one with any would lose the rest. No Bean Validation annotation is
 *       repeated either: Hibernate Validator rejects an override that redeclares parameter
 *       constraints or {@code @Valid}, and applies the original's to the override. Every other
 *       annotation retained at run time is repeated ({@code @RolesAllowed}, {@code @PermitAll},
 *       {@code @DenyAll}, name bindings, ...), for containers that read the overriding method
 *       itself, as RESTEasy's role check does.
 *   <li>On a mirrored constructor and its parameters, everything retained at run time is
 *       repeated ({@code @Inject}, qualifiers, {@code @Context}), since constructors are not
 *       inherited.
 * </ul>
 */
final class AnnotationFilter {
  private static final String SPRING_COMPONENT = "org.springframework.stereotype.Component";

  private final JaxRs jaxRs;
  /**
   * The rules' answer for each annotation type, worked out once: the same few types ({@code @Path},
   * {@code @GET}, {@code @Produces}) sit on every resource, and each answer reads the type's
   * retention and meta-annotations. A type's answer cannot change within a compilation.
   */
  private final Map<Element, Repeated> repeated = new HashMap<>();

  AnnotationFilter(JaxRs jaxRs) {
    this.jaxRs = jaxRs;
  }

  List<AnnotationMirror> forClass(Element type) {
    return select(type, Repeated::onClass);
  }

  List<AnnotationMirror> forMethod(Element method) {
    return select(method, Repeated::onMethod);
  }

  List<AnnotationMirror> forConstructor(Element constructorOrParameter) {
    return select(constructorOrParameter, Repeated::onConstructor);
  }

  private List<AnnotationMirror> select(Element element, Predicate<Repeated> where) {
    List<AnnotationMirror> result = new ArrayList<>();
    for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
      Repeated answer = repeated.computeIfAbsent(annotation.getAnnotationType().asElement(), type -> decide(annotation));
      if (where.test(answer)) result.add(annotation);
    }
    return result;
  }

  private Repeated decide(AnnotationMirror annotation) {
    boolean carried = carried(annotation);
    boolean validation = isValidation(annotation);
    return new Repeated(
        carried && !validation && !isSpringStereotype(annotation)
            && (!Annotations.isInherited(annotation) || isCdiBeanDefining(annotation)),
        carried && !jaxRs.isJaxRs(annotation) && !validation,
        carried);
  }

  /** Where a decorator repeats an annotation of one type: on the class, an override, a constructor. */
  private record Repeated(boolean onClass, boolean onMethod, boolean onConstructor) {
  }

  private boolean carried(AnnotationMirror annotation) {
    String name = Annotations.name(annotation);
    if (name.equals("java.lang.Deprecated") || name.equals("java.lang.SafeVarargs")) return true;
    if (name.startsWith("java.lang.") || name.startsWith("divak.annotations.")) return false;
    if (name.endsWith(".Generated")) return false;
    return Annotations.isRuntime(annotation);
  }

  /**
   * A CDI scope ({@code @ApplicationScoped}, {@code @RequestScoped}, {@code @Singleton}, ...: meta-annotated
   * with {@code @NormalScope} or {@code @Scope}) or stereotype, of {@code jakarta} or {@code javax}.
   * Matched by name, so the processor needs no CDI API.
   */
  private static boolean isCdiBeanDefining(AnnotationMirror annotation) {
    Element type = annotation.getAnnotationType().asElement();
    for (String prefix : new String[] {"jakarta", "javax"}) {
      if (Annotations.find(type, prefix + ".enterprise.context.NormalScope").isPresent()
          || Annotations.find(type, prefix + ".inject.Scope").isPresent()
          || Annotations.find(type, prefix + ".enterprise.inject.Stereotype").isPresent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code org.springframework.stereotype.Component}, or an annotation meta-annotated with it at
   * any depth ({@code @Service}, {@code @RestController}, {@code @Configuration}, a user's own).
   */
  private static boolean isSpringStereotype(AnnotationMirror annotation) {
    return isSpringStereotype(annotation.getAnnotationType().asElement(), new HashSet<>());
  }

  private static boolean isSpringStereotype(Element annotationType, Set<Element> seen) {
    if (!seen.add(annotationType)) return false;
    String name = ((TypeElement) annotationType).getQualifiedName().toString();
    if (name.equals(SPRING_COMPONENT)) return true;
    if (name.startsWith("java.lang.")) return false;
    for (AnnotationMirror meta : annotationType.getAnnotationMirrors()) {
      if (isSpringStereotype(meta.getAnnotationType().asElement(), seen)) return true;
    }
    return false;
  }

  /**
   * A Bean Validation annotation: {@code @Valid}, anything else of {@code jakarta.validation} or
   * {@code javax.validation}, a constraint (meta-annotated with {@code @Constraint}), or a list of
   * constraints ({@code @NotNull.List}).
   */
  private static boolean isValidation(AnnotationMirror annotation) {
    String name = Annotations.name(annotation);
    if (name.startsWith("jakarta.validation.") || name.startsWith("javax.validation.")) return true;
    Element type = annotation.getAnnotationType().asElement();
    if (isConstraint(type)) return true;
    Element enclosing = type.getEnclosingElement();
    return type.getSimpleName().contentEquals("List") && enclosing != null && isConstraint(enclosing);
  }

  private static boolean isConstraint(Element annotationType) {
    return Annotations.find(annotationType, "jakarta.validation.Constraint").isPresent()
        || Annotations.find(annotationType, "javax.validation.Constraint").isPresent();
  }
}
