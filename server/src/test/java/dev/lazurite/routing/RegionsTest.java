package dev.lazurite.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionsTest {
  @Test
  void standardStaysInItsRegion() {
    assertThat(Regions.eligible("Standard", "eastus", "East US")).isTrue();
    assertThat(Regions.eligible("Standard", "eastus", "eastus2")).isFalse();
  }

  @Test
  void dataZoneStaysInItsZone() {
    assertThat(Regions.eligible("DataZoneStandard", "swedencentral", "westeurope")).isTrue();
    assertThat(Regions.eligible("DataZoneStandard", "swedencentral", "eastus")).isFalse();
    assertThat(Regions.eligible("DataZoneStandard", "eastus", "westus3")).isTrue();
    assertThat(Regions.eligible("DataZoneProvisionedManaged", "eastus", "westeurope")).isFalse();
    assertThat(Regions.eligible("DataZoneStandard", "australiaeast", "eastus"))
        .as("a region outside both zones is a zone of its own")
        .isFalse();
    assertThat(Regions.eligible("DataZoneStandard", "uksouth", "westeurope")).isFalse();
  }

  @Test
  void globalGoesAnywhere() {
    assertThat(Regions.eligible("GlobalStandard", "eastus", "japaneast")).isTrue();
  }
}
