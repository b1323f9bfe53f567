package divak.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * Finds a type that does not resolve (yet) in what a decorator depends on: the class's
 * supertypes, annotations and the signatures of its and its superclasses' methods and
 * constructors. Such a class waits for a later round, where another processor may have generated
 * the missing type.
 */
final class ErrorTypes {
  private ErrorTypes() {
  }

  /** The first unresolved type, as javac spells it, or empty when everything resolves. */
  static Optional<String> find(TypeElement type) {
    for (TypeElement t : JaxRs.hierarchy(type)) {
      if (t.getQualifiedName().toString().startsWith("java.")) continue;
      List<TypeMirror> mirrors = new ArrayList<>();
      mirrors.add(t.getSuperclass());
      mirrors.addAll(t.getInterfaces());
      annotationTypes(t, mirrors);
      for (Element member : t.getEnclosedElements()) {
        if (!(member instanceof ExecutableElement)) continue;
        ExecutableElement executable = (ExecutableElement) member;
        mirrors.add(executable.getReturnType());
        mirrors.addAll(executable.getThrownTypes());
        annotationTypes(executable, mirrors);
        for (VariableElement parameter : executable.getParameters()) {
          mirrors.add(parameter.asType());
          annotationTypes(parameter, mirrors);
        }
      }
      for (TypeMirror mirror : mirrors) {
        Optional<String> error = find(mirror, 0);
        if (error.isPresent()) return error;
      }
    }
    return Optional.empty();
  }

  private static void annotationTypes(Element element, List<TypeMirror> into) {
    for (AnnotationMirror annotation : element.getAnnotationMirrors()) into.add(annotation.getAnnotationType());
  }

  private static Optional<String> find(TypeMirror type, int depth) {
    if (type == null || depth > 16) return Optional.empty();
    switch (type.getKind()) {
      case ERROR:
        return Optional.of(type.toString());
      case ARRAY:
        return find(((ArrayType) type).getComponentType(), depth + 1);
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        Optional<String> e = find(wildcard.getExtendsBound(), depth + 1);
        return e.isPresent() ? e : find(wildcard.getSuperBound(), depth + 1);
      case DECLARED:
        for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
          Optional<String> error = find(argument, depth + 1);
          if (error.isPresent()) return error;
        }
        return Optional.empty();
      default:
        return Optional.empty();
    }
  }
}
