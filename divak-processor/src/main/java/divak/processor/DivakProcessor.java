package divak.processor;

// Long because the rounds, deferral, the merge with the class output and the writing of
// DivakResources are one sequence; a split along these steps is the next tidy-up.

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
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
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
  private CountingMessager messager;
  private JaxRs jaxRs;
  private ResourceIndex index;
  private boolean runtimeAvailable;
  private boolean runtimeReported;
  private TracedClassFactory factory;
  private DecoratorWriter decorators;
  private ResourcesWriter resources;

  /** Classes waiting for their types to resolve: qualified name to the first unresolved type. */
  private final SortedMap<String, String> deferred = new TreeMap<>();
  /** Per package, the decorators of its root resources and the classes they decorate, by name. */
  private final SortedMap<String, SortedMap<String, String>> pendingResources = new TreeMap<>();
  private final Set<String> writtenPackages = new HashSet<>();
  /** The classes and packages whose sources this compilation has, generated ones included. */
  private final Set<String> compiledTypes = new HashSet<>();
  private final SortedSet<String> compiledPackages = new TreeSet<>();

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    elements = env.getElementUtils();
    messager = new CountingMessager(env.getMessager());
    jaxRs = new JaxRs(elements);
    index = new ResourceIndex(env.getFiler());
    runtimeAvailable = elements.getTypeElement(DecoratorWriter.DECORATORS.canonicalName()) != null;
    TagReader tags = new TagReader(env.getTypeUtils(), messager);
    factory = new TracedClassFactory(elements, env.getTypeUtils(), messager, jaxRs, tags);
    Optional<AnnotationSpec> generated = generatedAnnotation(env);
    decorators = new DecoratorWriter(env.getTypeUtils(), new AnnotationFilter(jaxRs), generated);
    resources = new ResourcesWriter(generated);
  }

  /**
   * Every annotation, and none claimed: the processor must also run on a compilation without any
   * {@code @Traced}, where a class that lost it leaves its package's {@code DivakResources}.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
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
    long errorsBefore = messager.errors();
    for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) compiled(type);
    // By name, sorted, so that the output does not depend on the order javac reports elements in.
    // A class deferred by an earlier round is looked up again; one of this round is at hand.
    SortedMap<String, TypeElement> traced = new TreeMap<>();
    for (String name : deferred.keySet()) traced.put(name, null);
    deferred.clear();
    TypeElement tracedAnnotation = elements.getTypeElement(TracedClassFactory.TRACED);
    if (tracedAnnotation != null) {
      for (Element element : round.getElementsAnnotatedWith(tracedAnnotation)) {
        owner(element).ifPresent(type -> traced.put(type.getQualifiedName().toString(), type));
      }
    }
    SortedMap<String, TypeElement> tagged = new TreeMap<>();
    TypeElement tagAnnotation = elements.getTypeElement(TagReader.TAG);
    if (tagAnnotation != null) {
      for (Element parameter : round.getElementsAnnotatedWith(tagAnnotation)) {
        owner(parameter.getEnclosingElement()).ifPresent(type -> tagged.put(type.getQualifiedName().toString(), type));
      }
    }
    tagged.keySet().removeAll(traced.keySet());

    for (Map.Entry<String, TypeElement> entry : traced.entrySet()) {
      String name = entry.getKey();
      TypeElement type = entry.getValue() != null ? entry.getValue() : elements.getTypeElement(name);
      if (type == null) continue;
      try {
        process(type);
      } catch (RuntimeException | Error e) {
        messager.printMessage(Diagnostic.Kind.ERROR, Message.INTERNAL.format(name, stackTrace(e)), type);
      }
    }
    for (TypeElement type : tagged.values()) factory.checkTagPlacement(type, Set.of());
    // javac runs no further round after one with errors, only the last one, where a new file
    // draws a warning: then DivakResources is written now.
    if (traced.isEmpty() && deferred.isEmpty() || messager.errors() > errorsBefore) writeResources();
  }

  private void compiled(TypeElement type) {
    compiledTypes.add(type.getQualifiedName().toString());
    compiledPackages.add(elements.getPackageOf(type).getQualifiedName().toString());
    for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) compiled(nested);
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
    if (!runtimeAvailable) {
      // Said once: every traced class of the compilation has the same missing dependency.
      if (!runtimeReported) messager.printMessage(Diagnostic.Kind.ERROR, Message.NO_RUNTIME.format(Names.type(type)), type);
      runtimeReported = true;
      return;
    }
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

  /**
   * Writes the {@code DivakResources} of each package with new traced root resources, or whose
   * listed resources this compilation changed: merged with the list the class output holds, so
   * that compiling part of a package keeps the resources it does not compile. A listed class that
   * is gone, no longer traced or no longer a root resource, or whose decorator is gone, is dropped.
   */
  private void writeResources() {
    SortedSet<String> packages = new TreeSet<>(pendingResources.keySet());
    packages.addAll(compiledPackages);
    packages.removeAll(writtenPackages);
    for (String packageName : packages) {
      SortedMap<String, String> fresh = pendingResources.getOrDefault(packageName, new TreeMap<>());
      SortedSet<String> listed = index.read(packageName);
      if (fresh.isEmpty() && listed.isEmpty()) continue;
      SortedMap<String, String> entries = new TreeMap<>(fresh);
      boolean changed = !fresh.isEmpty();
      for (String original : listed) {
        if (fresh.containsValue(original)) continue;
        Optional<ClassName> decorator = stillRegistered(original);
        if (decorator.isPresent()) {
          entries.put(decorator.get().canonicalName(), original);
        } else {
          changed = true;
        }
      }
      if (!changed) continue;
      writeResources(packageName, entries);
    }
    pendingResources.clear();
  }

  /** Writes {@code DivakResources} and its list; {@code entries} maps decorators to originals. */
  private void writeResources(String packageName, SortedMap<String, String> entries) {
    List<ClassName> decorated = new ArrayList<>();
    List<TypeElement> originals = new ArrayList<>();
    for (Map.Entry<String, String> resource : entries.entrySet()) {
      decorated.add(ClassName.bestGuess(resource.getKey()));
      TypeElement original = elements.getTypeElement(resource.getValue());
      if (original != null) originals.add(original);
    }
    writtenPackages.add(packageName);
    Element reportOn = originals.isEmpty() ? null : originals.get(0);
    write(resources.write(packageName, decorated, originals), reportOn);
    try {
      index.write(packageName, entries.values(), originals.toArray(new Element[0]));
    } catch (IOException e) {
      messager.printMessage(Diagnostic.Kind.ERROR, Message.INTERNAL.format(
          packageName + "." + ResourceIndex.FILE, stackTrace(e)), reportOn);
    }
  }

  /**
   * The decorator of a class listed by an earlier compilation, when that class is still a traced
   * root resource with a decorator; a class this compilation has the source of is decided afresh.
   */
  private Optional<ClassName> stillRegistered(String original) {
    if (compiledTypes.contains(original)) return Optional.empty();
    TypeElement type = elements.getTypeElement(original);
    if (type == null || !isTraced(type) || !jaxRs.isRootResource(type)) return Optional.empty();
    ClassName decorator = Names.decorator(type);
    if (elements.getTypeElement(decorator.canonicalName()) == null) return Optional.empty();
    return Optional.of(decorator);
  }

  private static boolean isTraced(TypeElement type) {
    if (Annotations.find(type, TracedClassFactory.TRACED).isPresent()) return true;
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (Annotations.find(method, TracedClassFactory.TRACED).isPresent()) return true;
    }
    return false;
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
    // Resources still pending here go with errors (a class that never resolved, or another
    // processor's): the build fails, and a file written in the last round would only add a warning.
    pendingResources.clear();
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

  /** Passes messages on, and counts the errors, to know whether javac will run another round. */
  private static final class CountingMessager implements Messager {
    private final Messager delegate;
    private long errors;

    CountingMessager(Messager delegate) {
      this.delegate = delegate;
    }

    long errors() {
      return errors;
    }

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence message) {
      count(kind);
      delegate.printMessage(kind, message);
    }

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence message, Element element) {
      count(kind);
      delegate.printMessage(kind, message, element);
    }

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence message, Element element,
        AnnotationMirror annotation) {
      count(kind);
      delegate.printMessage(kind, message, element, annotation);
    }

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence message, Element element,
        AnnotationMirror annotation, AnnotationValue value) {
      count(kind);
      delegate.printMessage(kind, message, element, annotation, value);
    }

    private void count(Diagnostic.Kind kind) {
      if (kind == Diagnostic.Kind.ERROR) errors++;
    }
  }

  private static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
