package dev.lazurite.control.arm;

/**
 * What an ARM route answers: a status and a JSON body, or no body.
 *
 * @param body rendered as JSON; {@code null} for an empty answer
 */
public record ArmResponse(int status, Object body) {
  public static ArmResponse ok(Object body) {
    return new ArmResponse(200, body);
  }

  /** 201 when the write created the resource, else 200. */
  public static ArmResponse written(boolean created, Object body) {
    return new ArmResponse(created ? 201 : 200, body);
  }

  /** A delete: 200 when something was deleted, 204 when there was nothing to delete. */
  public static ArmResponse deleted(boolean deleted) {
    return new ArmResponse(deleted ? 200 : 204, null);
  }
}
