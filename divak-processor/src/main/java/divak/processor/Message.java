package divak.processor;

/**
 * Every compile error of the processor, in one place. Each states the rule and the fix, and
 * starts with a stable code such as {@code [DivakFinalClass]} that tests and searches can rely on.
 */
enum Message {
  FINAL_CLASS("DivakFinalClass",
      "@Traced class %s is final, so no decorator subclass can extend it. Remove final from the class."),
  SEALED_CLASS("DivakSealedClass",
      "@Traced class %s is sealed and does not permit its decorator subclass. Make the class"
          + " non-sealed, or trace a class it delegates to."),
  ABSTRACT_CLASS("DivakAbstractClass",
      "@Traced class %s is abstract, so its decorator would be abstract too and could not be"
          + " instantiated. Put @Traced on the concrete subclasses instead."),
  NOT_A_CLASS("DivakNotAClass",
      "@Traced is for classes and their methods, and %s is %s, which no decorator can extend."
          + " Put @Traced on a class that implements or uses it."),
  INTERFACE_METHOD("DivakInterfaceMethod",
      "@Traced method %s is declared in an interface; only a class is decorated. Put @Traced on"
          + " the implementing class or method."),
  INNER_CLASS("DivakInnerClass",
      "@Traced class %s is an inner class (not static), which its decorator cannot extend from"
          + " outside. Make the nested class static."),
  PRIVATE_CLASS("DivakPrivateClass",
      "@Traced class %s is private, or nested in a private class, so its decorator in the same"
          + " package cannot extend it. Make it package-private or wider."),
  NO_CONSTRUCTOR("DivakNoConstructor",
      "@Traced class %s has no non-private constructor for its decorator to call. Add a"
          + " package-private, protected or public constructor."),
  NAMED_CLASS("DivakNamedClass",
      "@Traced on class %s takes no span name: spans are named per method. Remove \"%s\" here, or"
          + " move it to a method."),
  BLANK_NAME("DivakBlankName",
      "@Traced(\"%s\") on %s is a blank span name. Give a name, or write @Traced without one for"
          + " the default name."),
  PRIVATE_METHOD("DivakPrivateMethod",
      "@Traced method %s is private, so the decorator subclass cannot override it. Make the method"
          + " package-private, protected or public."),
  STATIC_METHOD("DivakStaticMethod",
      "@Traced method %s is static, so the decorator subclass cannot override it. Make it an"
          + " instance method, or trace its caller."),
  FINAL_METHOD("DivakFinalMethod",
      "@Traced method %s is final, so the decorator subclass cannot override it. Remove final from"
          + " the method."),
  TRACED_AND_NOT_TRACED("DivakTracedAndNotTraced",
      "Method %s has both @Traced and @NotTraced. Remove one: @NotTraced only leaves a method out"
          + " of its class's @Traced."),
  INACCESSIBLE_TYPE("DivakInaccessibleType",
      "@Traced method %s uses type %s, which the decorator in the same package cannot name. Make"
          + " that type package-private or wider."),
  RAW_STAGE("DivakRawStage",
      "@Traced method %s returns the raw type %s, so the decorator cannot observe how it"
          + " completes. Give it a type argument, such as CompletionStage<?>."),
  TAG_WITHOUT_TRACED("DivakTagWithoutTraced",
      "@Tag on parameter %s of %s has no effect: the method is not traced. Put @Traced on the"
          + " method (or on its class, for a resource method), or remove @Tag."),
  TAG_IN_INTERFACE("DivakTagWithoutTraced",
      "@Tag on parameter %s of %s has no effect: interface methods are not traced. Put @Tag on"
          + " the parameter of the implementing method in the @Traced class."),
  EMPTY_TAG_KEY("DivakEmptyTagKey",
      "@Tag on parameter %s of %s has an empty key. Give the tag key, such as @Tag(\"order.id\")."),
  DUPLICATE_TAG_KEY("DivakDuplicateTagKey",
      "@Tag key \"%s\" is used by parameters %s and %s of %s. Give each parameter its own key."),
  NO_RUNTIME("DivakNoRuntime",
      "@Traced class %s needs divak-runtime on the compile class path: its decorator calls"
          + " divak.Decorators, which does not resolve. Add the dependency io.divak:divak-runtime"
          + " (compile scope) to this module; no decorator is written without it."),
  NAME_TAKEN("DivakNameTaken",
      "Cannot write %s for %s: a type of that name already exists. Rename that type."),
  LATE_RESOURCE("DivakLateResource",
      "@Traced resource %s was generated after %s.DivakResources was written, so it is not"
          + " registered there. Generate it in an earlier processing round, or register %s"
          + " yourself."),
  UNRESOLVED("DivakUnresolvedType",
      "@Traced class %s refers to a type that never resolved (%s); no decorator is written. Fix"
          + " or generate that type."),
  INTERNAL("DivakInternalError",
      "The divak processor failed unexpectedly on %s; no decorator is written for it. Please"
          + " report this with the stack trace:%n%s");

  private final String code;
  private final String format;

  Message(String code, String format) {
    this.code = code;
    this.format = format;
  }

  /** The message with its code, such as {@code [DivakFinalClass] @Traced class ...}. */
  String format(Object... args) {
    return "[" + code + "] " + String.format(format, args);
  }
}
