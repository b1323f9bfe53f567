package divak.processor;

/**
 * A parameter tagged with {@code @Tag}.
 *
 * @param index its position in the parameter list
 * @param key the tag key
 * @param conversion how its value becomes a tag, chosen from its type
 */
record TagParameter(int index, String key, Conversion conversion) {

  /** How an argument is turned into a tag value; see {@code divak.annotations.Tag}. */
  enum Conversion {
    /** {@code int}, {@code long}, {@code boolean}, {@code double} and the narrower numbers: no boxing. */
    PRIMITIVE,
    /** {@code char}: a one-character string, not its code as a number. */
    CHAR,
    /** {@code String}: as it is; the span ignores a null value. */
    STRING,
    /** A boxed primitive other than {@code Character}: unboxed when not null. */
    BOXED,
    /** An enum: its {@code name()} when not null. */
    ENUM,
    /** An array: {@code Arrays.toString} when not null. */
    ARRAY,
    /** Anything else: {@code String.valueOf} when not null. */
    OBJECT
  }
}
