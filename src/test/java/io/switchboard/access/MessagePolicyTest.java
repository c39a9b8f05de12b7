package io.switchboard.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.auth.Caller;
import io.switchboard.protocol.MessageType;
import io.switchboard.support.Callers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessagePolicyTest {

  private final MessagePolicy policy =
      MessagePolicy.parse("message.direct=staff|admin; room.broadcast=*");

  @Test
  void aTypeRestrictedToGroupsAdmitsOnlyThem() {
    assertThat(policy.refusal(Callers.user("s", "staff"), MessageType.MESSAGE_DIRECT)).isEmpty();
    assertThat(policy.refusal(Callers.user("u"), MessageType.MESSAGE_DIRECT))
        .hasValue("sending message.direct needs you to be in one of the groups staff, admin");
  }

  @Test
  void starAdmitsAnyAuthenticatedUserButNoGuest() {
    assertThat(policy.refusal(Callers.user("u"), MessageType.ROOM_BROADCAST)).isEmpty();
    assertThat(policy.refusal(Caller.guest(), MessageType.ROOM_BROADCAST)).isPresent();
  }

  @Test
  void unrestrictedTypesAreOpen() {
    assertThat(policy.refusal(Caller.guest(), MessageType.MESSAGE_TEXT)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "heartbeat.pong=admin",
        "auth.refresh=admin",
        "error=admin",
        "chat.shout=admin",
        "message.text",
        "message.text=admin;message.text=ops",
        "message.text=a b"
      })
  void aRuleThatCannotBeAppliedIsRefused(String rules) {
    assertThatThrownBy(() -> MessagePolicy.parse(rules))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("WS_MESSAGE_RULES rule ");
  }

  @Test
  void appTypesAreRestrictedByTheirMostSpecificRule() {
    MessagePolicy apps =
        MessagePolicy.parse(
            "app.orders.refund=admin; app.orders.*=staff|admin; app.*=*; message.direct=staff",
            "app.");

    assertThat(apps.appRefusal(Callers.user("s", "staff"), "app.orders.create")).isEmpty();
    assertThat(apps.appRefusal(Callers.user("u"), "app.orders.create"))
        .hasValue("sending app.orders.create needs you to be in one of the groups staff, admin");
    assertThat(apps.appRefusal(Callers.user("s", "staff"), "app.orders.refund")).isPresent();
    assertThat(apps.appRefusal(Callers.user("a", "admin"), "app.orders.refund")).isEmpty();
    assertThat(apps.appRefusal(Callers.user("u"), "app.chat.ping")).isEmpty();
    assertThat(apps.appRefusal(Caller.guest(), "app.chat.ping")).isPresent();
    assertThat(apps.refusal(Callers.user("u"), MessageType.MESSAGE_DIRECT)).isPresent();
  }

  @Test
  void appTypesWithoutARuleAreOpen() {
    assertThat(MessagePolicy.parse("", "app.").appRefusal(Caller.guest(), "app.x")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"app.*.x=staff", "app.=staff", "app.a=staff;app.a=admin"})
  void malformedAppRulesAreRejected(String rules) {
    assertThatThrownBy(() -> MessagePolicy.parse(rules, "app."))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("WS_MESSAGE_RULES rule");
  }

  @Test
  void withoutAnAppPrefixAppRulesAreUnknownTypes() {
    assertThatThrownBy(() -> MessagePolicy.parse("app.x=staff"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
