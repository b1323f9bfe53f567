package divak.samples.backend;

/** Where stock is kept; tagged by name. */
public enum Warehouse {
  MAIN, OVERFLOW
}
