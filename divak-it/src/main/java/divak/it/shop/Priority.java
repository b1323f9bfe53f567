package divak.it.shop;

public enum Priority {
  LOW, HIGH
}
