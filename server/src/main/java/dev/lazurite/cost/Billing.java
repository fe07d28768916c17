package dev.lazurite.cost;

/**
 * Azure's rule for what is charged: a request is charged when the service processed it, even when
 * the status is not a success (a 400 from the content filter or an input limit, a 408 time-out, a
 * stream the client abandoned after tokens were sent), and not when it did not (401, 403, 404, 429
 * and the gateway's own refusals).
 */
public final class Billing {
  private Billing() {}

  public static boolean charged(int status) {
    return (status >= 200 && status < 300) || status == 400 || status == 408 || status == 499;
  }
}
