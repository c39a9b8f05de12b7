package io.switchboard.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.support.Jwks;
import io.switchboard.support.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerificationKeysTest {

  private final ClassLoader loader = getClass().getClassLoader();

  @Test
  void aPemKeyHasNoKid() {
    assertThat(VerificationKeys.parse(Tokens.keyText("rsa-1.public.pem"), "RS256"))
        .singleElement()
        .satisfies(k -> assertThat(k.keyId()).isNull());
  }

  @Test
  void thePemBodyAloneOnOneLineIsAccepted() {
    String bare =
        Tokens.keyText("ec-1.public.pem").replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");

    assertThat(VerificationKeys.parse(bare, "ES256")).hasSize(1);
  }

  @Test
  void aJwkSetKeepsItsKids() {
    assertThat(VerificationKeys.parse(Tokens.keyText("rsa.jwks.json"), "RS256"))
        .extracting(VerificationKey::keyId)
        .containsExactly(Tokens.RSA_KID, Tokens.RSA_KID_2);
  }

  @Test
  void aKeyUnfitForTheAlgorithmFailsTheConfiguration() {
    assertThatThrownBy(() -> VerificationKeys.parse(Tokens.keyText("rsa-1.public.pem"), "ES256"))
        .hasMessageContaining("Invalid Switchboard configuration");
    assertThatThrownBy(() -> VerificationKeys.parse(Tokens.keyText("rsa.jwks.json"), "ES256"))
        .hasMessageContaining("unfit for ES256");
  }

  @Test
  void aSymmetricJwkIsRefused() {
    assertThatThrownBy(
            () -> VerificationKeys.parse("{\"kty\":\"oct\",\"k\":\"c2VjcmV0c2VjcmV0\"}", "RS256"))
        .hasMessageContaining("only RSA and EC public keys");
  }

  @Test
  void garbageIsRefused() {
    assertThatThrownBy(() -> VerificationKeys.parse("not a key", "RS256"))
        .hasMessageContaining("not a PEM public key");
  }

  @Test
  void aLocationIsReadFromTheClasspathOrAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("key.pem");
    Files.writeString(file, Tokens.keyText("rsa-1.public.pem"));

    assertThat(VerificationKeys.read("classpath:keys/rsa-1.public.pem", loader))
        .contains("BEGIN PUBLIC KEY");
    assertThat(VerificationKeys.read("/keys/rsa-1.public.pem", loader))
        .contains("BEGIN PUBLIC KEY");
    assertThat(VerificationKeys.read(file.toString(), loader)).contains("BEGIN PUBLIC KEY");
    assertThat(VerificationKeys.read(file.toUri().toString(), loader)).contains("BEGIN PUBLIC KEY");
  }

  @Test
  void aRemoteLocationIsRefused() {
    assertThatThrownBy(() -> VerificationKeys.read("https://idp.example/keys", loader))
        .hasMessageContaining("https locations are not supported");
  }

  @Test
  void aPublishedSetKeepsOnlyTheSigningKeysOfTheAlgorithmLikeKeycloaks() {
    String keycloakLike =
        Jwks.signing(Tokens.RSA_KID)
            .add("enc-1", Tokens.RSA_2_PUBLIC, "enc", "RSA-OAEP")
            .with("ec-1", Tokens.EC_1_PUBLIC)
            .json();

    assertThat(VerificationKeys.parsePublished(keycloakLike, "RS256", 10))
        .singleElement()
        .satisfies(
            k -> {
              assertThat(k.keyId()).isEqualTo(Tokens.RSA_KID);
              assertThat(k.algorithm()).isEqualTo("RS256");
            });
  }

  @Test
  void aPublishedSetIsCappedAtTheKeyLimit() {
    assertThat(
            VerificationKeys.parsePublished(
                Jwks.signing(Tokens.RSA_KID, Tokens.RSA_KID_2).json(), "RS256", 1))
        .hasSize(1);
  }

  @Test
  void aPublishedSetWithoutAUsableKeyOrNotASetIsAFailedFetch() {
    assertThatThrownBy(
            () ->
                VerificationKeys.parsePublished(
                    Jwks.empty().with("ec-1", Tokens.EC_1_PUBLIC).json(), "RS256", 10))
        .hasMessageContaining("no RS256 signing key");
    assertThatThrownBy(() -> VerificationKeys.parsePublished("<html>", "RS256", 10))
        .hasMessageContaining("not a JWK Set");
  }
}
