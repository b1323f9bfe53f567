package orders;

public interface Inventory {
}
