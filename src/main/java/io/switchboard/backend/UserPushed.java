package io.switchboard.backend;

/**
 * A message a backend sent to a user.
 *
 * @param inboxId the id of the inbox item that keeps it until a connection of the user acknowledges
 *     it; null when it was not kept ({@code persist: false})
 */
public record UserPushed(String userId, Long inboxId) {}
