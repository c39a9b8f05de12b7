package io.switchboard.inbox;

import jakarta.json.JsonValue;
import java.time.Instant;

/**
 * One kept message.
 *
 * @param id unique within the user's inbox and greater than every id the inbox gave the user before
 * @param senderId the service that sent it
 * @param message the message, exactly as the backend gave it
 */
public record InboxItem(long id, String senderId, JsonValue message, Instant createdAt) {}
