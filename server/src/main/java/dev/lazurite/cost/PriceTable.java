package dev.lazurite.cost;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The price table as loaded: a row per model, version and deployment type. */
public final class PriceTable {
  public static final PriceTable EMPTY = new PriceTable(List.of());

  private final List<Price> rows;
  private final Map<String, Price> byKey = new HashMap<>();

  public PriceTable(List<Price> rows) {
    this.rows = List.copyOf(rows);
    for (Price row : this.rows) {
      byKey.put(row.key(), row);
    }
  }

  public List<Price> rows() {
    return rows;
  }

  /** The row of this model version, else the model's {@code *} row for the type. */
  public Optional<Price> find(String model, String version, DeploymentType type) {
    Price exact = byKey.get(model + "/" + version + "/" + type.wire());
    if (exact != null) {
      return Optional.of(exact);
    }
    return Optional.ofNullable(byKey.get(model + "/" + Price.ANY_VERSION + "/" + type.wire()));
  }
}
