package dev.lazurite.cost;

import dev.lazurite.auth.Principal;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.pipeline.Chain;
import dev.lazurite.pipeline.Exchange;
import dev.lazurite.pipeline.Response;
import dev.lazurite.pipeline.Stage;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses a model call with a 429 {@code BudgetExceeded} when a budget with {@code "enforcement":
 * "block"} that covers its deployment has reached its amount this period. It reads the cached
 * budget state only, so it costs one volatile read while no budget blocks.
 */
public final class BudgetStage implements Stage {
  private final CostCache cache;
  private final String subscription;

  public BudgetStage(CostCache cache, String subscription) {
    this.cache = cache;
    this.subscription = subscription;
  }

  @Override
  public Response handle(Exchange exchange, Chain chain) {
    List<Budget> blocking = cache.blocking();
    if (!blocking.isEmpty()) {
      var account = exchange.account().account();
      String deployment = exchange.deployment().deployment().name();
      Map<String, String> tags = new HashMap<>(account.metadata().tags());
      tags.putAll(cache.deploymentTags(account.name(), deployment));
      var line =
          new CostLine(
              account.name(),
              account.resourceGroup(),
              deployment,
              "",
              exchange.principal() instanceof Principal.Entra entra ? entra.groups() : List.of(),
              tags,
              LocalDate.EPOCH,
              0,
              0,
              0,
              0,
              0);
      for (Budget budget : blocking) {
        if (budget.scope().covers(account.resourceGroup())
            && budget.filter().matches(line, subscription)) {
          throw ApiException.of(ErrorCode.BUDGET_EXCEEDED, budget.name());
        }
      }
    }
    return chain.proceed(exchange);
  }
}
