package dev.lazurite.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazurite.control.Bootstrap;
import dev.lazurite.control.DeploymentRequest;
import dev.lazurite.runtime.RuntimeSnapshot;
import dev.lazurite.store.DatabaseUrl;
import dev.lazurite.store.SecretBox;
import dev.lazurite.store.jdbi.JdbiStore;
import dev.lazurite.testing.TestingServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PTU-hours follow the capacity history: a capacity change splits the period, a deletion (of the
 * deployment or of its account) ends it, and a move off a provisioned SKU stops the charge.
 */
class CapacityHistoryTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;

  @Test
  void capacityChangesSplitThePeriodAndDeletionEndsIt() throws Exception {
    try (var store =
        new JdbiStore(
            new DatabaseUrl.Sqlite(dir.resolve("cost.db")), new SecretBox(new byte[32]))) {
      CostStore cost = store.cost();
      cost.putPrice(provisioned("2"));
      // 10 PTUs from midnight, 20 from 06:00, deleted the next day at 12:00.
      cost.recordCapacity(change("ptu", "ProvisionedManaged", 10, T0));
      cost.recordCapacity(change("ptu", "ProvisionedManaged", 20, T0.plus(Duration.ofHours(6))));
      cost.recordCapacity(change("ptu", "ProvisionedManaged", 0, T0.plus(Duration.ofHours(36))));
      var cache = new CostCache();
      cache.load(cost);

      List<CostLine> lines =
          ProvisionedHours.lines(
              cost.capacityHistory(),
              RuntimeSnapshot.EMPTY,
              cache,
              T0,
              T0.plus(Duration.ofDays(31)),
              T0.plus(Duration.ofDays(10)));

      // Day 1: 6 h × 10 × 2 + 18 h × 20 × 2 = 840; day 2: 12 h × 20 × 2 = 480; nothing after.
      assertThat(lines)
          .extracting(
              CostLine::day, l -> Pricing.usd(l.picoUsd()).stripTrailingZeros().toPlainString())
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-01-01"), "840"),
              org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-01-02"), "480"));
      assertThat(lines).allSatisfy(l -> assertThat(l.resourceGroup()).isEqualTo("rg"));

      // A window that starts at 03:00 and ends before the deletion: 3 h × 10 × 2 + 18 h × 20 × 2
      // on day 1, 1 h 30 × 20 × 2 on day 2.
      List<CostLine> window =
          ProvisionedHours.lines(
              cost.capacityHistory(),
              RuntimeSnapshot.EMPTY,
              cache,
              T0.plus(Duration.ofHours(3)),
              T0.plus(Duration.ofMinutes(25 * 60 + 30)),
              T0.plus(Duration.ofDays(10)));
      assertThat(window)
          .extracting(l -> Pricing.usd(l.picoUsd()).stripTrailingZeros().toPlainString())
          .containsExactly("780", "60");
    }
  }

  @Test
  void aMoveOffAProvisionedSkuStopsTheCharge() throws Exception {
    try (var store =
        new JdbiStore(
            new DatabaseUrl.Sqlite(dir.resolve("cost.db")), new SecretBox(new byte[32]))) {
      CostStore cost = store.cost();
      cost.putPrice(provisioned("1.5"));
      cost.recordCapacity(change("moved", "ProvisionedManaged", 4, T0));
      cost.recordCapacity(change("moved", "GlobalStandard", 4, T0.plus(Duration.ofMinutes(90))));
      var cache = new CostCache();
      cache.load(cost);
      List<CostLine> lines =
          ProvisionedHours.lines(
              cost.capacityHistory(),
              RuntimeSnapshot.EMPTY,
              cache,
              T0,
              T0.plus(Duration.ofDays(1)),
              T0.plus(Duration.ofDays(1)));
      // 1.5 h × 4 × 1.5 = 9.
      assertThat(lines)
          .extracting(l -> Pricing.usd(l.picoUsd()).stripTrailingZeros().toPlainString())
          .containsExactly("9");
    }
  }

  @Test
  void theServerKeepsTheHistoryAndChargesItExactly() {
    try (TestingServer server = TestingServer.start()) {
      var service = server.server().cost();
      service.putPrice(
          new Price(
              "gpt-4o",
              "2024-08-06",
              DeploymentType.PROVISIONED,
              BigDecimal.ZERO,
              BigDecimal.ZERO,
              BigDecimal.ZERO,
              new BigDecimal("36"),
              "test"));
      server.deploy(request("ptu", 15));
      server.deploy(request("ptu", 15)); // the same capacity again: no new period
      server.deploy(request("ptu", 30));
      var control = server.server().control();
      var account =
          control.account(
              server.server().subscriptionId(),
              Bootstrap.DEFAULT_RESOURCE_GROUP,
              Bootstrap.DEFAULT_ACCOUNT);
      assertThat(control.deleteDeployment(account, "ptu")).isTrue();

      List<CapacityChange> history =
          service.store().capacityHistory().stream()
              .filter(c -> c.deployment().equals("ptu"))
              .toList();
      assertThat(history).extracting(CapacityChange::capacity).containsExactly(15, 30, 0);
      assertThat(history)
          .allSatisfy(c -> assertThat(c.resourceGroup()).isEqualTo(account.resourceGroup()));

      // 36 USD per PTU-hour: 15 PTUs until the change, 30 until the deletion, nothing after.
      long fifteen = history.get(1).at().toEpochMilli() - history.get(0).at().toEpochMilli();
      long thirty = history.get(2).at().toEpochMilli() - history.get(1).at().toEpochMilli();
      BigDecimal expected =
          new BigDecimal("36")
              .multiply(BigDecimal.valueOf(15 * fifteen + 30 * thirty))
              .divide(BigDecimal.valueOf(3_600_000), 12, java.math.RoundingMode.HALF_EVEN);
      Instant from = history.get(0).at().minus(Duration.ofDays(2));
      Instant to = Instant.now().plus(Duration.ofDays(2));
      assertThat(charged(service, from, to)).isEqualByComparingTo(expected);
    }
  }

  @Test
  void deletingTheAccountEndsItsDeploymentsPeriods() {
    try (TestingServer server = TestingServer.start()) {
      var service = server.server().cost();
      server.deploy(request("ptu", 5));
      var control = server.server().control();
      control.deleteAccount(
          control.account(
              server.server().subscriptionId(),
              Bootstrap.DEFAULT_RESOURCE_GROUP,
              Bootstrap.DEFAULT_ACCOUNT));
      assertThat(service.store().capacityHistory())
          .filteredOn(c -> c.deployment().equals("ptu"))
          .extracting(CapacityChange::capacity)
          .containsExactly(5, 0);
    }
  }

  private static BigDecimal charged(CostService service, Instant from, Instant to) {
    return service.lines(from, to).stream()
        .filter(l -> l.deployment().equals("ptu") && l.caller().equals(ProvisionedHours.CALLER))
        .map(l -> Pricing.usd(l.picoUsd()))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static DeploymentRequest request(String name, int capacity) {
    return new DeploymentRequest(
        name, "gpt-4o", "2024-08-06", "ProvisionedManaged", capacity, "", "", Optional.empty());
  }

  private static Price provisioned(String perHour) {
    return new Price(
        "gpt-4o",
        "2024-08-06",
        DeploymentType.PROVISIONED,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        new BigDecimal(perHour),
        "test");
  }

  private static CapacityChange change(String deployment, String sku, int capacity, Instant at) {
    return new CapacityChange("acct", "rg", deployment, "gpt-4o", "2024-08-06", sku, capacity, at);
  }
}
