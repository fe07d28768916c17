package dev.lazurite.pipeline;

/**
 * One step of the data-plane pipeline. A stage either answers (returns a {@link Response} or throws
 * an {@link dev.lazurite.error.ApiException}) or calls {@link Chain#proceed} exactly once and
 * returns, possibly wrapping, what the rest of the chain answered. Stages run on the request's
 * virtual thread and may block.
 */
@FunctionalInterface
public interface Stage {
  Response handle(Exchange exchange, Chain chain);
}
