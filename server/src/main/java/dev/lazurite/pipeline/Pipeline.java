package dev.lazurite.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An ordered list of stages. The chain it hands each stage checks the contract: a stage calls
 * {@code proceed} at most once, and the last stage answers without proceeding.
 */
public final class Pipeline {
  private final List<Stage> stages;

  public Pipeline(List<Stage> stages) {
    this.stages = List.copyOf(requireNonNull(stages, "stages is null"));
    if (this.stages.isEmpty()) {
      throw new IllegalArgumentException("a pipeline needs at least one stage");
    }
  }

  public Response execute(Exchange exchange) {
    return new RealChain(0).proceed(exchange);
  }

  public List<Stage> stages() {
    return stages;
  }

  private final class RealChain implements Chain {
    private final int index;
    private boolean called;

    private RealChain(int index) {
      this.index = index;
    }

    @Override
    public Response proceed(Exchange exchange) {
      requireNonNull(exchange, "exchange is null");
      if (called) {
        throw new IllegalStateException(
            stages.get(index - 1).getClass().getSimpleName() + " called proceed more than once");
      }
      called = true;
      if (index >= stages.size()) {
        throw new IllegalStateException("the last stage must answer, not proceed");
      }
      Response response = stages.get(index).handle(exchange, new RealChain(index + 1));
      return requireNonNull(
          response, () -> stages.get(index).getClass().getSimpleName() + " returned null");
    }
  }
}
