package divak.processor;

// Long because it holds every validation rule of a traced class and its methods with its message;
// splitting class and method rules is the next tidy-up.

import divak.processor.TracedMethod.Completion;
import divak.processor.TracedMethod.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Checks a class that has {@code @Traced} on it or on a method and, when a decorator can be written
 * for it, builds its {@link TracedClass}. Every problem is reported on the offending element; the
 * checks go on after the first, so that one compilation shows them all.
 */
final class TracedClassFactory {
  static final String TRACED = "divak.annotations.Traced";
  static final String NOT_TRACED = "divak.annotations.NotTraced";

  private final Elements elements;
  private final Types types;
  private final Messager messager;
  private final JaxRs jaxRs;
  private final TagReader tags;
  private final TypeMirror completionStage;
  private final TypeElement completionStageElement;
  private final TypeElement completableFutureElement;
  /** The methods of {@code Object}, looked up once: every method of a traced class is checked against them. */
  private final List<ExecutableElement> objectMethods;

  TracedClassFactory(Elements elements, Types types, Messager messager, JaxRs jaxRs, TagReader tags) {
    this.elements = elements;
    this.types = types;
    this.messager = messager;
    this.jaxRs = jaxRs;
    this.tags = tags;
    this.completionStageElement = elements.getTypeElement("java.util.concurrent.CompletionStage");
    this.completableFutureElement = elements.getTypeElement("java.util.concurrent.CompletableFuture");
    this.completionStage = types.erasure(completionStageElement.asType());
    this.objectMethods = ElementFilter.methodsIn(elements.getTypeElement("java.lang.Object").getEnclosedElements());
  }

  Optional<TracedClass> create(TypeElement type) {
    Optional<AnnotationMirror> classTraced = Annotations.find(type, TRACED);
    if (type.getKind() != ElementKind.CLASS) {
      rejectNonClass(type, classTraced);
      return Optional.empty();
    }
    boolean valid = checkClass(type, classTraced);
    List<ExecutableElement> constructors = constructors(type);
    // A private class has only private constructors: that is said already.
    if (constructors.isEmpty() && !isPrivate(type)) {
      error(Message.NO_CONSTRUCTOR.format(Names.type(type)), type, classTraced);
      valid = false;
    }

    boolean resource = jaxRs.isResource(type);
    Map<ExecutableElement, Optional<AnnotationMirror>> traced = new LinkedHashMap<>();
    // Methods with a problem reported already: their @Tag parameters are not reported again.
    Set<ExecutableElement> rejected = new HashSet<>();
    if (classTraced.isPresent()) {
      List<ExecutableElement> covered = resource ? jaxRs.resourceMethods(type) : publicMethods(type);
      for (ExecutableElement method : covered) {
        if (isCovered(type, method)) traced.put(method, Annotations.find(method, TRACED));
      }
    }
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      Optional<AnnotationMirror> annotation = Annotations.find(method, TRACED);
      if (annotation.isEmpty()) continue;
      if (checkMethod(method, annotation.get())) {
        traced.put(method, annotation);
      } else {
        traced.remove(method);
        rejected.add(method);
        valid = false;
      }
    }
    Set<ExecutableElement> placed = new HashSet<>(traced.keySet());
    placed.addAll(rejected);
    checkTagPlacement(type, placed);

    List<TracedMethod> methods = new ArrayList<>();
    for (Map.Entry<ExecutableElement, Optional<AnnotationMirror>> e : traced.entrySet()) {
      Optional<TracedMethod> method = tracedMethod(type, e.getKey(), e.getValue(), resource);
      if (method.isPresent()) {
        methods.add(method.get());
      } else {
        valid = false;
      }
    }
    if (!valid) return Optional.empty();
    return Optional.of(new TracedClass(type, Names.decorator(type), resource, jaxRs.isRootResource(type),
        jaxRs.pathInterfaceAnnotations(type), constructors, methods));
  }

  /**
   * Whether {@code @Traced} on {@code type} covers {@code method}: not when the decorator cannot
   * override it (final, or with a type in its signature that the decorator cannot name), not for a
   * method of {@code Object} ({@code toString}, {@code equals}, {@code hashCode}), and not with
   * {@code @NotTraced}. Only {@code @Traced} on the method itself makes the first an error.
   */
  private boolean isCovered(TypeElement type, ExecutableElement method) {
    if (method.getModifiers().contains(Modifier.FINAL)) return false;
    if (Annotations.find(method, NOT_TRACED).isPresent()) return false;
    if (overridesObjectMethod(type, method)) return false;
    ExecutableType memberType = (ExecutableType) types.asMemberOf((DeclaredType) type.asType(), method);
    return inaccessible(memberType, elements.getPackageOf(type).getQualifiedName().toString()).isEmpty();
  }

  private boolean overridesObjectMethod(TypeElement type, ExecutableElement method) {
    for (ExecutableElement candidate : objectMethods) {
      if (candidate.getSimpleName().equals(method.getSimpleName())
          && (method.equals(candidate) || elements.overrides(method, candidate, type))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isPrivate(TypeElement type) {
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) return true;
    }
    return false;
  }

  /**
   * Reports each {@code @Tag} of {@code type}'s own methods that is on no traced method. A method
   * of an abstract class that a subclass may inherit and trace is allowed.
   */
  void checkTagPlacement(TypeElement type, Set<ExecutableElement> traced) {
    boolean inheritable = type.getKind() == ElementKind.CLASS && type.getModifiers().contains(Modifier.ABSTRACT);
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (!TagReader.hasTags(method)) continue;
      tags.checkKeys(method);
      if (traced.contains(method)) continue;
      Set<Modifier> modifiers = method.getModifiers();
      boolean overridable = !modifiers.contains(Modifier.PRIVATE) && !modifiers.contains(Modifier.STATIC)
          && !modifiers.contains(Modifier.FINAL);
      if (inheritable && overridable) continue;
      Message message = type.getKind().isInterface() ? Message.TAG_IN_INTERFACE : Message.TAG_WITHOUT_TRACED;
      for (VariableElement parameter : method.getParameters()) {
        Optional<AnnotationMirror> tag = Annotations.find(parameter, TagReader.TAG);
        if (tag.isPresent()) {
          error(message.format(parameter.getSimpleName(), Names.method(method)), parameter, tag);
        }
      }
    }
  }

  private void rejectNonClass(TypeElement type, Optional<AnnotationMirror> classTraced) {
    if (type.getKind().isInterface()) {
      if (classTraced.isPresent()) {
        error(Message.NOT_A_CLASS.format(Names.type(type), "an interface"), type, classTraced);
      }
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
        Optional<AnnotationMirror> annotation = Annotations.find(method, TRACED);
        if (annotation.isPresent()) {
          error(Message.INTERFACE_METHOD.format(Names.method(method)), method, annotation);
        }
      }
    } else {
      String what = type.getKind() == ElementKind.ENUM ? "an enum"
          : type.getKind() == ElementKind.RECORD ? "a record" : "a " + type.getKind().toString().toLowerCase();
      error(Message.NOT_A_CLASS.format(Names.type(type), what), type, classTraced);
    }
    checkTagPlacement(type, Set.of());
  }

  private boolean checkClass(TypeElement type, Optional<AnnotationMirror> classTraced) {
    boolean valid = true;
    Set<Modifier> modifiers = type.getModifiers();
    String name = Names.type(type);
    if (modifiers.contains(Modifier.FINAL)) {
      error(Message.FINAL_CLASS.format(name), type, classTraced);
      valid = false;
    }
    if (modifiers.contains(Modifier.SEALED)) {
      error(Message.SEALED_CLASS.format(name), type, classTraced);
      valid = false;
    }
    if (modifiers.contains(Modifier.ABSTRACT)) {
      error(Message.ABSTRACT_CLASS.format(name), type, classTraced);
      valid = false;
    }
    if (type.getNestingKind() == NestingKind.MEMBER && !modifiers.contains(Modifier.STATIC)) {
      error(Message.INNER_CLASS.format(name), type, classTraced);
      valid = false;
    }
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        error(Message.PRIVATE_CLASS.format(name), type, classTraced);
        valid = false;
        break;
      }
    }
    if (classTraced.isPresent() && !Annotations.value(classTraced.get()).isEmpty()) {
      error(Message.NAMED_CLASS.format(name, Annotations.value(classTraced.get())), type, classTraced);
      valid = false;
    }
    return valid;
  }

  private boolean checkMethod(ExecutableElement method, AnnotationMirror annotation) {
    Set<Modifier> modifiers = method.getModifiers();
    String name = Names.method(method);
    if (Annotations.find(method, NOT_TRACED).isPresent()) {
      error(Message.TRACED_AND_NOT_TRACED.format(name), method, Optional.of(annotation));
      return false;
    }
    if (modifiers.contains(Modifier.PRIVATE)) {
      error(Message.PRIVATE_METHOD.format(name), method, Optional.of(annotation));
      return false;
    }
    if (modifiers.contains(Modifier.STATIC)) {
      error(Message.STATIC_METHOD.format(name), method, Optional.of(annotation));
      return false;
    }
    if (modifiers.contains(Modifier.FINAL)) {
      error(Message.FINAL_METHOD.format(name), method, Optional.of(annotation));
      return false;
    }
    return true;
  }

  private Optional<TracedMethod> tracedMethod(TypeElement type, ExecutableElement method,
      Optional<AnnotationMirror> annotation, boolean resource) {
    // An inherited method is reported on the traced class, where the decorator is asked for.
    Element at = method.getEnclosingElement().equals(type) ? method : type;
    Optional<AnnotationMirror> reportOn = at == type ? Annotations.find(type, TRACED) : annotation;
    ExecutableType memberType = (ExecutableType) types.asMemberOf((DeclaredType) type.asType(), method);
    Optional<TypeElement> hidden = inaccessible(memberType, elements.getPackageOf(type).getQualifiedName().toString());
    if (hidden.isPresent()) {
      error(Message.INACCESSIBLE_TYPE.format(Names.method(method), hidden.get().getQualifiedName()), at, reportOn);
      return Optional.empty();
    }
    String name = annotation.map(Annotations::value).orElse("");
    if (!name.isEmpty() && name.isBlank()) {
      error(Message.BLANK_NAME.format(name, Names.method(method)), at, reportOn);
      return Optional.empty();
    }
    if (isRawStage(memberType.getReturnType())) {
      error(Message.RAW_STAGE.format(Names.method(method),
          types.erasure(memberType.getReturnType())), at, reportOn);
      return Optional.empty();
    }
    Kind kind = resource && jaxRs.isResourceMethod(method, type) ? Kind.RESOURCE : Kind.LOCAL;
    if (name.isEmpty() && kind == Kind.LOCAL) name = type.getSimpleName() + "." + method.getSimpleName();
    Optional<List<TagParameter>> tagged = tags.read(method, memberType.getParameterTypes());
    if (tagged.isEmpty()) return Optional.empty();
    return Optional.of(new TracedMethod(method, memberType, kind, name, tagged.get(),
        completion(memberType.getReturnType())));
  }

  /**
   * A raw stage type, such as {@code CompletionStage} without a type argument: the decorator's
   * callback would see its failure as an {@code Object}, and would not compile.
   */
  private boolean isRawStage(TypeMirror returnType) {
    if (returnType.getKind() != TypeKind.DECLARED) return false;
    if (!types.isAssignable(types.erasure(returnType), completionStage)) return false;
    DeclaredType declared = (DeclaredType) returnType;
    return declared.getTypeArguments().isEmpty()
        && !((TypeElement) declared.asElement()).getTypeParameters().isEmpty();
  }

  /** Whether {@code returnType} is a stage, and whether the decorator may return a derived one. */
  private Completion completion(TypeMirror returnType) {
    if (!types.isAssignable(types.erasure(returnType), completionStage)) return Completion.NONE;
    if (returnType.getKind() == TypeKind.DECLARED) {
      Element element = ((DeclaredType) returnType).asElement();
      if (element.equals(completionStageElement) || element.equals(completableFutureElement)) {
        return Completion.DERIVED_STAGE;
      }
    }
    return Completion.SAME_STAGE;
  }

  /** The non-private constructors, which the decorator in the same package can call. */
  private static List<ExecutableElement> constructors(TypeElement type) {
    List<ExecutableElement> result = new ArrayList<>();
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (!constructor.getModifiers().contains(Modifier.PRIVATE)) result.add(constructor);
    }
    return result;
  }

  /** The public instance methods a class declares: what {@code @Traced} on a non-resource covers. */
  private static List<ExecutableElement> publicMethods(TypeElement type) {
    List<ExecutableElement> result = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      Set<Modifier> modifiers = method.getModifiers();
      if (modifiers.contains(Modifier.PUBLIC) && !modifiers.contains(Modifier.STATIC)) result.add(method);
    }
    return result;
  }

  /** A type in the signature that code in {@code packageName} cannot name, if any. */
  private Optional<TypeElement> inaccessible(ExecutableType signature, String packageName) {
    List<TypeMirror> all = new ArrayList<>(signature.getParameterTypes());
    all.add(signature.getReturnType());
    all.addAll(signature.getThrownTypes());
    for (TypeMirror type : all) {
      Optional<TypeElement> hidden = inaccessible(type, packageName, 0);
      if (hidden.isPresent()) return hidden;
    }
    return Optional.empty();
  }

  private Optional<TypeElement> inaccessible(TypeMirror type, String packageName, int depth) {
    if (depth > 16) return Optional.empty();
    switch (type.getKind()) {
      case ARRAY:
        return inaccessible(((ArrayType) type).getComponentType(), packageName, depth + 1);
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        TypeMirror bound = wildcard.getExtendsBound() != null ? wildcard.getExtendsBound() : wildcard.getSuperBound();
        return bound == null ? Optional.empty() : inaccessible(bound, packageName, depth + 1);
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        for (Element e = declared.asElement(); e instanceof TypeElement; e = e.getEnclosingElement()) {
          Set<Modifier> modifiers = e.getModifiers();
          boolean packagePrivate = !modifiers.contains(Modifier.PUBLIC) && !modifiers.contains(Modifier.PROTECTED)
              && !modifiers.contains(Modifier.PRIVATE);
          if (modifiers.contains(Modifier.PRIVATE)
              || packagePrivate && !elements.getPackageOf(e).getQualifiedName().contentEquals(packageName)) {
            return Optional.of((TypeElement) declared.asElement());
          }
        }
        for (TypeMirror argument : declared.getTypeArguments()) {
          Optional<TypeElement> hidden = inaccessible(argument, packageName, depth + 1);
          if (hidden.isPresent()) return hidden;
        }
        return Optional.empty();
      default:
        return Optional.empty();
    }
  }

  private void error(String message, Element element, Optional<AnnotationMirror> annotation) {
    if (annotation.isPresent()) {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation.get());
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    }
  }
}
