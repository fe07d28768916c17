package dev.lazurite.portal.keys;

import dev.lazurite.control.Account;
import dev.lazurite.control.AccountKeys;
import dev.lazurite.control.ControlPlane;
import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import dev.lazurite.portal.web.Access;
import dev.lazurite.portal.web.PortalRequest;
import dev.lazurite.portal.web.PortalRoute;
import dev.lazurite.portal.web.Reply;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A resource's API keys. The page never shows a key already in force; regenerating one shows the
 * new key once, in the answer to that form, and the old one is refused from then on.
 */
public final class KeyRoutes {
  public static final String READ = "Microsoft.CognitiveServices/accounts/read";
  public static final String REGENERATE =
      "Microsoft.CognitiveServices/accounts/regenerateKey/action";
  private static final String BASE = "/portal/resources/{group}/{account}/keys";

  private final ControlPlane control;
  private final String subscription;

  public KeyRoutes(ControlPlane control, String subscription) {
    this.control = control;
    this.subscription = subscription;
  }

  public List<PortalRoute> routes() {
    return List.of(
        PortalRoute.get(BASE, new Access.Requires(READ), this::show),
        PortalRoute.post(BASE + "/regenerate", new Access.Requires(REGENERATE), this::regenerate));
  }

  private Reply show(PortalRequest request) {
    return page(account(request), "", "");
  }

  private Reply regenerate(PortalRequest request) {
    Account account = account(request);
    String slot = request.field("keyName").orElse("").toLowerCase(Locale.ROOT);
    if (!slot.equals("key1") && !slot.equals("key2")) {
      throw ApiException.of(ErrorCode.ARM_INVALID_BODY, "Choose Key1 or Key2 to regenerate.");
    }
    AccountKeys keys = control.regenerateKey(account, slot);
    return page(account, slot, slot.equals("key1") ? keys.key1() : keys.key2());
  }

  private static Reply page(Account account, String slot, String revealed) {
    return Reply.page(
        "keys",
        Map.of(
            "group",
            account.resourceGroup(),
            "account",
            account.name(),
            "slot",
            slot,
            "revealed",
            revealed));
  }

  private Account account(PortalRequest request) {
    return control.account(subscription, request.path("group"), request.path("account"));
  }
}
