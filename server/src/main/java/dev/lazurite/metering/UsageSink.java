package dev.lazurite.metering;

/**
 * Where usage records go.
 *
 * <p>{@link #record} never blocks under {@link UsageDurability#ASYNC}: it queues and returns. Under
 * {@link UsageDurability#STRICT} it blocks the calling thread until the transaction that holds the
 * record has committed (records handed over at the same time share one commit), and throws an
 * {@link dev.lazurite.error.ApiException} ({@code INTERNAL}) when the store has not committed it
 * within {@link UsageWriter#STRICT_WAIT}. A caller that wants "no delivered response without its
 * record" calls it on the request's thread after the response's status and tokens are known and
 * before the response's last byte (the body of a JSON answer, a stream's {@code [DONE]}) is
 * written.
 */
@FunctionalInterface
public interface UsageSink {
  void record(UsageRecord record);
}
