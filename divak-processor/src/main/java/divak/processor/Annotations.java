package divak.processor;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Small helpers over annotation mirrors, by qualified name so no annotation class is loaded. */
final class Annotations {
  private Annotations() {
  }

  static String name(AnnotationMirror annotation) {
    return ((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
    for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
      if (name(annotation).equals(qualifiedName)) return Optional.of(annotation);
    }
    return Optional.empty();
  }

  /** The value of {@code value()}, or of its default, as a string; empty when there is none. */
  static String value(AnnotationMirror annotation) {
    Map<? extends ExecutableElement, ? extends AnnotationValue> values = annotation.getElementValues();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : values.entrySet()) {
      if (e.getKey().getSimpleName().contentEquals("value")) return String.valueOf(e.getValue().getValue());
    }
    return "";
  }

  /** True when the annotation type is retained at run time, where containers read it. */
  static boolean isRuntime(AnnotationMirror annotation) {
    Element type = annotation.getAnnotationType().asElement();
    Retention retention = type.getAnnotation(Retention.class);
    return retention != null && retention.value() == RetentionPolicy.RUNTIME;
  }

  /** True when the annotation type is {@code @Inherited}, so subclasses see it without a copy. */
  static boolean isInherited(AnnotationMirror annotation) {
    return find(annotation.getAnnotationType().asElement(), "java.lang.annotation.Inherited").isPresent();
  }
}
