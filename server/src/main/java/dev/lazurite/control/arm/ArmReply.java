package dev.lazurite.control.arm;

/**
 * What an ARM route answers: a status and a JSON body (null for none).
 *
 * @param body a Jackson tree or any value Jackson writes
 */
public record ArmReply(int status, Object body) {
  public static ArmReply ok(Object body) {
    return new ArmReply(200, body);
  }
}
