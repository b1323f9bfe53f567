package divak.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Turns {@code @Traced} classes into decorator subclasses, and the root resources of each package
 * into a {@code DivakResources} feature. It only orchestrates: {@link TracedClassFactory} checks a
 * class and models it, {@link DecoratorWriter} and {@link ResourcesWriter} write the code.
 *
 * <p>A class whose types do not resolve yet waits for the next round (another processor may
 * generate them) and is reported only if they never do. {@code DivakResources} lists every
 * resource of its package, so it is written in the first round that brings no new traced class,
 * after all the decorators. Declared to Gradle as aggregating for that reason.
 */
@AutoService(Processor.class)
public final class DivakProcessor extends AbstractProcessor {
  private Elements elements;
  private Messager messager;
  private TracedClassFactory factory;
  private DecoratorWriter decorators;
  private ResourcesWriter resources;

  /** Classes waiting for their types to resolve: qualified name to the first unresolved type. */
  private final SortedMap<String, String> deferred = new TreeMap<>();
  /** Per package, the decorators of its root resources and the classes they decorate, by name. */
  private final SortedMap<String, SortedMap<String, String>> pendingResources = new TreeMap<>();
  private final Set<String> writtenPackages = new HashSet<>();

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    elements = env.getElementUtils();
    messager = env.getMessager();
    JaxRs jaxRs = new JaxRs(elements);
    TagReader tags = new TagReader(env.getTypeUtils(), messager);
    factory = new TracedClassFactory(elements, env.getTypeUtils(), messager, jaxRs, tags);
    Optional<AnnotationSpec> generated = generatedAnnotation(env);
    decorators = new DecoratorWriter(env.getTypeUtils(), new AnnotationFilter(jaxRs), generated);
    resources = new ResourcesWriter(generated);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(TracedClassFactory.TRACED, TagReader.TAG);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      if (round.processingOver()) {
        finish();
      } else {
        processRound(round);
      }
    } catch (RuntimeException | Error e) {
      messager.printMessage(Diagnostic.Kind.ERROR, Message.INTERNAL.format("this round", stackTrace(e)));
    }
    return false;
  }

  private void processRound(RoundEnvironment round) {
    SortedSet<String> traced = new TreeSet<>(deferred.keySet());
    deferred.clear();
    TypeElement tracedAnnotation = elements.getTypeElement(TracedClassFactory.TRACED);
    if (tracedAnnotation != null) {
      for (Element element : round.getElementsAnnotatedWith(tracedAnnotation)) {
        owner(element).ifPresent(type -> traced.add(type.getQualifiedName().toString()));
      }
    }
    SortedSet<String> tagged = new TreeSet<>();
    TypeElement tagAnnotation = elements.getTypeElement(TagReader.TAG);
    if (tagAnnotation != null) {
      for (Element parameter : round.getElementsAnnotatedWith(tagAnnotation)) {
        owner(parameter.getEnclosingElement()).ifPresent(type -> tagged.add(type.getQualifiedName().toString()));
      }
    }
    tagged.removeAll(traced);

    for (String name : traced) {
      TypeElement type = elements.getTypeElement(name);
      if (type == null) continue;
      try {
        process(type);
      } catch (RuntimeException | Error e) {
        messager.printMessage(Diagnostic.Kind.ERROR, Message.INTERNAL.format(name, stackTrace(e)), type);
      }
    }
    for (String name : tagged) {
      TypeElement type = elements.getTypeElement(name);
      if (type != null) factory.checkTagPlacement(type, Set.of());
    }
    if (traced.isEmpty() && deferred.isEmpty()) writeResources();
  }

  private void process(TypeElement type) {
    String name = type.getQualifiedName().toString();
    Optional<String> unresolved = ErrorTypes.find(type);
    if (unresolved.isPresent()) {
      deferred.put(name, unresolved.get());
      return;
    }
    Optional<TracedClass> traced = factory.create(type);
    if (traced.isEmpty()) return;
    TracedClass model = traced.get();
    write(decorators.write(model), type);
    if (!model.rootResource()) return;
    String packageName = model.decorator().packageName();
    if (writtenPackages.contains(packageName)) {
      messager.printMessage(Diagnostic.Kind.ERROR, Message.LATE_RESOURCE.format(
          Names.type(type), packageName, model.decorator().simpleName()), type);
      return;
    }
    pendingResources.computeIfAbsent(packageName, p -> new TreeMap<>())
        .put(model.decorator().canonicalName(), name);
  }

  private void writeResources() {
    for (Map.Entry<String, SortedMap<String, String>> e : pendingResources.entrySet()) {
      List<ClassName> decorated = new ArrayList<>();
      List<TypeElement> originals = new ArrayList<>();
      for (Map.Entry<String, String> resource : e.getValue().entrySet()) {
        decorated.add(ClassName.bestGuess(resource.getKey()));
        TypeElement original = elements.getTypeElement(resource.getValue());
        if (original != null) originals.add(original);
      }
      writtenPackages.add(e.getKey());
      write(resources.write(e.getKey(), decorated, originals), originals.isEmpty() ? null : originals.get(0));
    }
    pendingResources.clear();
  }

  private void finish() {
    for (Map.Entry<String, String> e : deferred.entrySet()) {
      TypeElement type = elements.getTypeElement(e.getKey());
      String message = Message.UNRESOLVED.format(e.getKey(), e.getValue());
      if (type != null) {
        messager.printMessage(Diagnostic.Kind.ERROR, message, type);
      } else {
        messager.printMessage(Diagnostic.Kind.ERROR, message);
      }
    }
    // Only reached when a class never resolved, which is an error already.
    writeResources();
  }

  private void write(JavaFile file, Element reportOn) {
    String name = file.packageName().isEmpty()
        ? file.typeSpec().name() : file.packageName() + "." + file.typeSpec().name();
    try {
      file.writeTo(processingEnv.getFiler());
    } catch (FilerException e) {
      messager.printMessage(Diagnostic.Kind.ERROR, Message.NAME_TAKEN.format(name,
          reportOn instanceof TypeElement ? ((TypeElement) reportOn).getQualifiedName() : "its package"), reportOn);
    } catch (IOException e) {
      messager.printMessage(Diagnostic.Kind.ERROR, Message.INTERNAL.format(name, stackTrace(e)), reportOn);
    }
  }

  /** The class a {@code @Traced} element belongs to: itself, or the class of a method. */
  private static Optional<TypeElement> owner(Element element) {
    if (element instanceof TypeElement) return Optional.of((TypeElement) element);
    if (element instanceof ExecutableElement && element.getEnclosingElement() instanceof TypeElement) {
      return Optional.of((TypeElement) element.getEnclosingElement());
    }
    return Optional.empty();
  }

  /** {@code @Generated}, where the target release has {@code javax.annotation.processing.Generated}. */
  private static Optional<AnnotationSpec> generatedAnnotation(ProcessingEnvironment env) {
    if (env.getSourceVersion().compareTo(SourceVersion.RELEASE_8) <= 0
        || env.getElementUtils().getTypeElement("javax.annotation.processing.Generated") == null) {
      return Optional.empty();
    }
    return Optional.of(AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
        .addMember("value", "$S", DivakProcessor.class.getCanonicalName())
        .build());
  }

  private static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
