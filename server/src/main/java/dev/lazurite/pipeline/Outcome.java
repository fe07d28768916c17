package dev.lazurite.pipeline;

import static java.util.Objects.requireNonNull;

import dev.lazurite.error.ApiException;

/**
 * How the pipeline ended for a request, with the deepest exchange it reached: what the response
 * headers name (the account's region, the deployment) comes from there.
 */
public sealed interface Outcome {
  Exchange exchange();

  /** The response, or the error the request failed with, thrown. */
  default Response orThrow() {
    return switch (this) {
      case Answered answered -> answered.response();
      case Failed failed -> throw failed.error();
    };
  }

  record Answered(Exchange exchange, Response response) implements Outcome {
    public Answered {
      requireNonNull(exchange, "exchange is null");
      requireNonNull(response, "response is null");
    }
  }

  record Failed(Exchange exchange, ApiException error) implements Outcome {
    public Failed {
      requireNonNull(exchange, "exchange is null");
      requireNonNull(error, "error is null");
    }
  }
}
