package dev.lazurite.metering;

/** Where usage records go. Must not block the request: implementations queue and return. */
@FunctionalInterface
public interface UsageSink {
  void record(UsageRecord record);
}
