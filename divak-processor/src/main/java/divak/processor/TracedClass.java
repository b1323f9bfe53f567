package divak.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A valid traced class, ready to be written.
 *
 * @param element the original class
 * @param decorator the name of its decorator, {@code Divak_Outer_Inner}
 * @param resource true when the class is a Jakarta REST resource (root or sub-resource)
 * @param rootResource true when the decorator is a root resource that {@code DivakResources}
 *     registers
 * @param pathAnnotations the class-level Jakarta REST annotations of an interface that gives the
 *     class its {@code @Path}, which the decorator repeats; empty for a class with its own
 * @param constructors the original's non-private constructors, which the decorator mirrors
 * @param methods the methods the decorator overrides, in a stable order
 */
record TracedClass(
    TypeElement element,
    ClassName decorator,
    boolean resource,
    boolean rootResource,
    List<AnnotationMirror> pathAnnotations,
    List<ExecutableElement> constructors,
    List<TracedMethod> methods) {
}
