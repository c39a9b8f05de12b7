package io.switchboard.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.access.RoomPolicy.Right;
import io.switchboard.auth.Caller;
import io.switchboard.support.Callers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoomPolicyTest {

  private final RoomPolicy policy =
      RoomPolicy.parse(
          "admin.*:join=admin,publish=admin; ops.*:join=ops|admin,publish=admin;"
              + " ops.public:join=*; news.*:publish=editors; team:red:join=red",
          "public.*, lobby");

  @Test
  void aPrefixRuleRestrictsJoiningAndPublishingToItsGroups() {
    assertThat(policy.refusal(Callers.user("a", "admin"), "admin.ops", Right.JOIN)).isEmpty();
    assertThat(policy.refusal(Callers.user("u", "user"), "admin.ops", Right.JOIN))
        .hasValue("to join room admin.ops you need to be in group admin");
  }

  @Test
  void joinAndPublishAreSeparateRights() {
    assertThat(policy.refusal(Callers.user("o", "ops"), "ops.night", Right.JOIN)).isEmpty();
    assertThat(policy.refusal(Callers.user("o", "ops"), "ops.night", Right.PUBLISH)).isPresent();
    assertThat(policy.refusal(Callers.user("r"), "news.today", Right.JOIN)).isEmpty();
    assertThat(policy.refusal(Callers.user("r"), "news.today", Right.PUBLISH))
        .hasValue("to publish room news.today you need to be in group editors");
  }

  @Test
  void anyOfSeveralGroupsIsEnough() {
    assertThat(policy.refusal(Callers.user("a", "admin"), "ops.night", Right.JOIN)).isEmpty();
  }

  @Test
  void theMostSpecificRuleDecides() {
    assertThat(policy.refusal(Callers.user("u"), "ops.public", Right.JOIN))
        .as("exact ops.public (any authenticated user) over the ops.* prefix")
        .isEmpty();
    assertThat(policy.refusal(Callers.user("u"), "ops.publicity", Right.JOIN)).isPresent();
  }

  @Test
  void roomIdsMayContainColons() {
    assertThat(policy.refusal(Callers.user("r", "red"), "team:red", Right.JOIN)).isEmpty();
    assertThat(policy.refusal(Callers.user("b", "blue"), "team:red", Right.JOIN)).isPresent();
  }

  @Test
  void aRoomNoRuleMatchesIsOpenToAuthenticatedUsers() {
    assertThat(policy.refusal(Callers.user("u"), "chat_general", Right.PUBLISH)).isEmpty();
  }

  @Test
  void guestsOnlyGetTheGuestRoomsAndNeverARestrictedRight() {
    Caller guest = Caller.guest();
    assertThat(policy.refusal(guest, "public.chat", Right.PUBLISH)).isEmpty();
    assertThat(policy.refusal(guest, "lobby", Right.JOIN)).isEmpty();
    assertThat(policy.refusal(guest, "chat_general", Right.JOIN))
        .hasValue("room chat_general is not open to guests; connect with a token");
    assertThat(RoomPolicy.parse("*:join=*", "*").refusal(guest, "any", Right.JOIN)).isPresent();
  }

  @Test
  void noRulesAndAllGuestRoomsIsFullyOpen() {
    assertThat(RoomPolicy.open().refusal(Caller.guest(), "x", Right.PUBLISH)).isEmpty();
    assertThat(RoomPolicy.parse("", "*").refusal(Caller.guest(), "x", Right.JOIN)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "admin.*",
        "admin.*:join",
        "admin.*:read=admin",
        "admin.*:join=admin,join=ops",
        "admin.*:join=",
        "admin.*:join=ad min",
        "adm*in:join=admin",
        "admin.*:join=admin;admin.*:publish=admin",
        ":join=admin",
        "a b:join=admin"
      })
  void aMalformedRuleIsRefusedWithItsNumberAndText(String rules) {
    assertThatThrownBy(() -> RoomPolicy.parse(rules, "*"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("WS_ROOM_RULES rule ");
  }

  @Test
  void aMalformedGuestRoomPatternIsRefused() {
    assertThatThrownBy(() -> RoomPolicy.parse("", "public.*, a*b"))
        .hasMessageContaining("WS_GUEST_ROOMS 'a*b'");
  }
}
