package divak.processor;

import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Decides which annotations of the original a decorator repeats, and which it leaves to
 * inheritance. The rules, and why:
 *
 * <ul>
 *   <li>On the class, every annotation retained at run time is repeated ({@code @Path},
 *       {@code @Produces}, {@code @RolesAllowed}, name bindings, scopes), because class
 *       annotations are not inherited unless {@code @Inherited}; those that are, Bean Validation
 *       constraints (which would be checked twice) and divak's own are not.
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
  private final JaxRs jaxRs;

  AnnotationFilter(JaxRs jaxRs) {
    this.jaxRs = jaxRs;
  }

  List<AnnotationMirror> forClass(Element type) {
    return type.getAnnotationMirrors().stream()
        .filter(a -> carried(a) && !Annotations.isInherited(a) && !isValidation(a))
        .collect(Collectors.toList());
  }

  List<AnnotationMirror> forMethod(Element method) {
    return method.getAnnotationMirrors().stream()
        .filter(a -> carried(a) && !jaxRs.isJaxRs(a) && !isValidation(a))
        .collect(Collectors.toList());
  }

  List<AnnotationMirror> forConstructor(Element constructorOrParameter) {
    return constructorOrParameter.getAnnotationMirrors().stream()
        .filter(this::carried)
        .collect(Collectors.toList());
  }

  private boolean carried(AnnotationMirror annotation) {
    String name = Annotations.name(annotation);
    if (name.equals("java.lang.Deprecated") || name.equals("java.lang.SafeVarargs")) return true;
    if (name.startsWith("java.lang.") || name.startsWith("divak.annotations.")) return false;
    if (name.endsWith(".Generated")) return false;
    return Annotations.isRuntime(annotation);
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
