package dev.lazurite.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazurite.store.DatabaseUrl;
import dev.lazurite.store.SecretBox;
import dev.lazurite.store.jdbi.JdbiStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prices written inside a control write join its transaction, as {@code lazurite model add} writes
 * a model and its prices: both are stored, or neither.
 */
class PriceTransactionTest {
  @TempDir Path dir;

  @Test
  void pricesCommitAndRollBackWithTheControlWrite() throws Exception {
    try (var store =
        new JdbiStore(new DatabaseUrl.Sqlite(dir.resolve("s.db")), new SecretBox(new byte[32]))) {
      assertThatThrownBy(
              () ->
                  store.inTransaction(
                      () -> {
                        store.cost().putPrice(price("rolled-back"));
                        throw new IllegalStateException("the model could not be added");
                      }))
          .hasMessageContaining("could not be added");
      assertThat(store.cost().prices()).noneMatch(p -> p.model().equals("rolled-back"));

      store.inTransaction(
          () -> {
            store.cost().putPrice(price("kept"));
            return null;
          });
      assertThat(store.cost().prices()).anyMatch(p -> p.model().equals("kept"));
    }
  }

  private static Price price(String model) {
    return new Price(
        model,
        Price.ANY_VERSION,
        DeploymentType.GLOBAL,
        BigDecimal.ONE,
        BigDecimal.ONE,
        BigDecimal.TEN,
        BigDecimal.ZERO,
        "test");
  }
}
