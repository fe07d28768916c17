package dev.lazurite.cost;

import dev.lazurite.testing.TestingHttp;
import dev.lazurite.testing.TestingServer;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** ARM calls of the cost tests, as the admin. */
final class CostTesting {
  static final String V = "?api-version=2024-08-01";

  private final TestingServer server;

  CostTesting(TestingServer server) {
    this.server = server;
  }

  String sub() {
    return "/subscriptions/" + server.server().subscriptionId();
  }

  String rg(String group) {
    return sub() + "/resourceGroups/" + group;
  }

  TestingHttp.Result arm(String method, String path, String body) {
    return server
        .http()
        .send(method, path + V, body, "Authorization", "Bearer " + server.server().adminToken());
  }

  /** A chat call on {@code deployment}; returns the response. */
  TestingHttp.Result chat(String deployment) {
    return server
        .http()
        .send(
            "POST",
            "/openai/deployments/" + deployment + "/chat/completions?api-version=2024-10-21",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello there\"}],\"max_tokens\":5}",
            "api-key",
            server.key());
  }

  /** Stores every usage record so far and evaluates every budget. */
  void settle() {
    server.server().flushUsage();
    server.server().cost().evaluate();
  }

  /** The first day of this month, as budgets start. */
  static String monthStart() {
    return LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1) + "T00:00:00Z";
  }

  /** A budget body: amount, notifications JSON, filter JSON (or empty), enforcement. */
  static String budget(String amount, String notifications, String filter, String enforcement) {
    return """
        {"properties": {"category": "Cost", "amount": %s, "timeGrain": "Monthly",
          "timePeriod": {"startDate": "%s"},%s%s
          "notifications": {%s}}}"""
        .formatted(
            amount,
            monthStart(),
            filter.isEmpty() ? "" : " \"filter\": " + filter + ",",
            enforcement.isEmpty() ? "" : " \"enforcement\": \"" + enforcement + "\",",
            notifications);
  }

  static String notification(String name, String type, int threshold, String group) {
    return """
        "%s": {"enabled": true, "operator": "GreaterThanOrEqualTo", "threshold": %d,
          "thresholdType": "%s", "contactEmails": ["finops@contoso.com"], "contactGroups": [%s]}"""
        .formatted(name, threshold, type, group.isEmpty() ? "" : "\"" + group + "\"");
  }
}
