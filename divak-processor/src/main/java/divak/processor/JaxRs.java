package divak.processor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * What Jakarta REST makes of a class: whether it is a (root) resource and which of its methods are
 * resource methods or sub-resource locators, following the annotation inheritance of Jakarta REST
 * 3.1, section 3.6. Knows nothing when {@code jakarta.ws.rs} is not on the class path: then no class
 * is a resource.
 */
final class JaxRs {
  static final String PACKAGE = "jakarta.ws.rs";
  static final String PATH = "jakarta.ws.rs.Path";
  static final String HTTP_METHOD = "jakarta.ws.rs.HttpMethod";
  static final String FEATURE = "jakarta.ws.rs.core.Feature";
  static final String FEATURE_CONTEXT = "jakarta.ws.rs.core.FeatureContext";

  private final Elements elements;
  private final boolean available;
  /** Annotation types by what they are; an annotation type's meaning cannot change within a compilation. */
  private final Map<Element, AnnotationKind> kinds = new HashMap<>();

  JaxRs(Elements elements) {
    this.elements = elements;
    this.available = elements.getTypeElement(PATH) != null && elements.getTypeElement(FEATURE) != null;
  }

  /** True when the Jakarta REST API is on the class path being compiled against. */
  boolean available() {
    return available;
  }

  /**
   * A class the container serves at a path: one with {@code @Path} of its own, or one that
   * implements an interface with {@code @Path} (Jersey and RESTEasy take the path from there).
   */
  boolean isRootResource(TypeElement type) {
    return available && (Annotations.find(type, PATH).isPresent() || pathInterface(type).isPresent());
  }

  /**
   * The interface whose {@code @Path} makes {@code type} a root resource, when {@code type} has no
   * {@code @Path} of its own: the first with one among the interfaces that {@code type}, then each
   * superclass, implements directly, as Jersey looks for it.
   */
  Optional<TypeElement> pathInterface(TypeElement type) {
    if (!available || Annotations.find(type, PATH).isPresent()) return Optional.empty();
    for (TypeElement t = type; t != null; t = superclass(t)) {
      for (TypeMirror i : t.getInterfaces()) {
        if (i.getKind() != TypeKind.DECLARED) continue;
        TypeElement element = (TypeElement) ((DeclaredType) i).asElement();
        if (Annotations.find(element, PATH).isPresent()) return Optional.of(element);
      }
    }
    return Optional.empty();
  }

  /**
   * The class-level Jakarta REST annotations of {@code type}'s {@link #pathInterface} ({@code
   * @Path}, {@code @Produces}, {@code @Consumes}) that {@code type} does not declare itself: the
   * decorator repeats them, since a container that finds {@code @Path} on the decorator reads the
   * others there too.
   */
  List<AnnotationMirror> pathInterfaceAnnotations(TypeElement type) {
    Optional<TypeElement> api = pathInterface(type);
    List<AnnotationMirror> result = new ArrayList<>();
    if (api.isEmpty()) return result;
    for (AnnotationMirror annotation : api.get().getAnnotationMirrors()) {
      String name = Annotations.name(annotation);
      if (name.startsWith(PACKAGE + ".") && Annotations.find(type, name).isEmpty()) result.add(annotation);
    }
    return result;
  }

  /** A root resource, or a class with at least one resource method or locator (a sub-resource). */
  boolean isResource(TypeElement type) {
    if (!available) return false;
    if (isRootResource(type)) return true;
    for (ExecutableElement method : memberMethods(type)) {
      if (isResourceMethod(method, type)) return true;
    }
    return false;
  }

  /**
   * A public instance method that is a resource method or a sub-resource locator of {@code type}:
   * it has {@code @Path} or an HTTP method annotation, or inherits them from the first method up
   * the hierarchy that has any Jakarta REST annotation.
   */
  boolean isResourceMethod(ExecutableElement method, TypeElement type) {
    if (!available) return false;
    Set<Modifier> modifiers = method.getModifiers();
    if (!modifiers.contains(Modifier.PUBLIC) || modifiers.contains(Modifier.STATIC)) return false;
    return annotatedMethod(method, type)
        .map(annotated -> annotated.getAnnotationMirrors().stream().anyMatch(this::isPathOrHttpMethod))
        .orElse(false);
  }

  /** Every resource method and locator of {@code type}, its own and inherited ones, in a stable order. */
  List<ExecutableElement> resourceMethods(TypeElement type) {
    List<ExecutableElement> result = new ArrayList<>();
    for (ExecutableElement method : memberMethods(type)) {
      if (isResourceMethod(method, type)) result.add(method);
    }
    return result;
  }

  /**
   * The methods that are members of {@code type} (declared or inherited, not overridden), except
   * those of {@code Object}: first those {@code type} declares, in source order, then those of its
   * superclasses, nearest first, then those of its interfaces.
   */
  List<ExecutableElement> memberMethods(TypeElement type) {
    Set<Element> members = new LinkedHashSet<>(elements.getAllMembers(type));
    List<ExecutableElement> result = new ArrayList<>();
    for (TypeElement owner : hierarchy(type)) {
      if (owner.getQualifiedName().contentEquals("java.lang.Object")) continue;
      for (ExecutableElement method : ElementFilter.methodsIn(owner.getEnclosedElements())) {
        if (members.contains(method)) result.add(method);
      }
    }
    return result;
  }

  /**
   * The method whose Jakarta REST annotations apply to {@code method} as a member of {@code type}:
   * the method itself when it has any on it or on its parameters, else the first method it
   * overrides, up the superclasses then the interfaces, that has some.
   */
  Optional<ExecutableElement> annotatedMethod(ExecutableElement method, TypeElement type) {
    if (hasJaxRsAnnotations(method)) return Optional.of(method);
    for (TypeElement supertype : hierarchy(type)) {
      for (ExecutableElement candidate : ElementFilter.methodsIn(supertype.getEnclosedElements())) {
        if (!candidate.equals(method)
            && candidate.getSimpleName().equals(method.getSimpleName())
            && elements.overrides(method, candidate, type)
            && hasJaxRsAnnotations(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private boolean hasJaxRsAnnotations(ExecutableElement method) {
    if (method.getAnnotationMirrors().stream().anyMatch(this::isJaxRs)) return true;
    for (VariableElement parameter : method.getParameters()) {
      if (parameter.getAnnotationMirrors().stream().anyMatch(this::isJaxRs)) return true;
    }
    return false;
  }

  /**
   * An annotation of the Jakarta REST API ({@code @GET}, {@code @Path}, {@code @Produces}, {@code
   * @PathParam}, {@code @Context}, ...) or an HTTP method annotation of the user's (meta-annotated
   * with {@code @HttpMethod}). Name-binding annotations are not: they belong to the user.
   */
  boolean isJaxRs(AnnotationMirror annotation) {
    return kind(annotation) != AnnotationKind.OTHER;
  }

  private boolean isPathOrHttpMethod(AnnotationMirror annotation) {
    AnnotationKind kind = kind(annotation);
    return kind == AnnotationKind.PATH || kind == AnnotationKind.HTTP_METHOD;
  }

  /** Looked up once per annotation type: every method and parameter of every resource is asked. */
  private AnnotationKind kind(AnnotationMirror annotation) {
    return kinds.computeIfAbsent(annotation.getAnnotationType().asElement(), type -> {
      String name = Annotations.name(annotation);
      if (name.equals(PATH)) return AnnotationKind.PATH;
      if (Annotations.find(type, HTTP_METHOD).isPresent()) return AnnotationKind.HTTP_METHOD;
      return name.startsWith(PACKAGE + ".") ? AnnotationKind.OTHER_JAX_RS : AnnotationKind.OTHER;
    });
  }

  /** What Jakarta REST makes of an annotation type. */
  private enum AnnotationKind {
    PATH, HTTP_METHOD, OTHER_JAX_RS, OTHER
  }

  /** {@code type}, its superclasses nearest first, then every interface, breadth first. */
  static List<TypeElement> hierarchy(TypeElement type) {
    List<TypeElement> classes = new ArrayList<>();
    for (TypeElement t = type; t != null; t = superclass(t)) classes.add(t);
    Set<TypeElement> interfaces = new LinkedHashSet<>();
    Deque<TypeElement> queue = new ArrayDeque<>(classes);
    while (!queue.isEmpty()) {
      TypeElement t = queue.removeFirst();
      for (TypeMirror i : t.getInterfaces()) {
        if (i.getKind() != TypeKind.DECLARED) continue;
        TypeElement element = (TypeElement) ((DeclaredType) i).asElement();
        if (element.getKind() == ElementKind.INTERFACE && interfaces.add(element)) queue.add(element);
      }
    }
    List<TypeElement> result = new ArrayList<>(classes);
    result.addAll(interfaces);
    return result;
  }

  private static TypeElement superclass(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    if (superclass.getKind() != TypeKind.DECLARED) return null;
    return (TypeElement) ((DeclaredType) superclass).asElement();
  }
}
