package bad;

import divak.annotations.Traced;

@Traced
public record TracedRecord(String name) {
}
