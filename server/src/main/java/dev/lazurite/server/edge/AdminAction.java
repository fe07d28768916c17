package dev.lazurite.server.edge;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;

/**
 * One management route's work, run behind the admin credential. Bad input is thrown: a {@link
 * BodyRejected}, an {@link IllegalArgumentException} (its message is the answer), or an {@link
 * IOException} for content that could not be read.
 */
@FunctionalInterface
public interface AdminAction {
  void run(ServerRequest req, ServerResponse res) throws IOException;

  /**
   * Runs {@code action} if the request presents the admin credential (else answers 401), and
   * answers what it throws in Azure's envelope: a refused body as refused, an {@link
   * IllegalArgumentException} 400 {@code InvalidRequestContent} with its message, an {@link
   * IOException} 400 {@code InvalidRequestContent}.
   */
  static void guarded(AdminGuard guard, ServerRequest req, ServerResponse res, AdminAction action) {
    if (!guard.check(req, res)) {
      return;
    }
    try {
      action.run(req, res);
    } catch (BodyRejected e) {
      EdgeResponses.error(res, e);
    } catch (IllegalArgumentException e) {
      EdgeResponses.error(res, 400, "InvalidRequestContent", e.getMessage());
    } catch (IOException e) {
      EdgeResponses.error(
          res,
          400,
          "InvalidRequestContent",
          "The request content was invalid and could not be deserialized.");
    }
  }
}
