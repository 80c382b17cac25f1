package io.starbridge.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {
  @TempDir Path dir;

  @Test
  void aMissingKeyIsCreatedWithAPrivateFileOnlyTheOwnerCanRead() throws Exception {
    KeyFiles.SiteKey key = KeyFiles.loadOrCreate(dir);
    assertThat(Files.readString(dir.resolve(KeyFiles.PRIVATE)))
        .startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(Files.readString(dir.resolve(KeyFiles.PUBLIC)))
        .startsWith("-----BEGIN PUBLIC KEY-----");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(KeyFiles.PRIVATE))))
        .isEqualTo("rw-------");
    assertThat(key.keyId()).matches("[0-9a-f]{16}");
  }

  @Test
  void theKeySurvivesARestartWithTheSameDataDirectory() {
    KeyFiles.SiteKey first = KeyFiles.loadOrCreate(dir);
    byte[] message = "hello".getBytes(StandardCharsets.UTF_8);
    byte[] signature = first.sign(message);
    KeyFiles.SiteKey again = KeyFiles.loadOrCreate(dir);
    assertThat(again.keyId()).isEqualTo(first.keyId());
    assertThat(KeyFiles.verify(again.publicKey(), message, signature)).isTrue();
  }

  @Test
  void rotationKeepsTheOldPublicKeyAndDropsItsPrivateHalf() throws Exception {
    KeyFiles.SiteKey old = KeyFiles.loadOrCreate(dir);
    KeyFiles.SiteKey fresh = KeyFiles.rotate(dir);
    assertThat(fresh.keyId()).isNotEqualTo(old.keyId());
    Path retired = dir.resolve("retired").resolve(old.keyId() + ".pub.pem");
    assertThat(KeyFiles.keyId(KeyFiles.parsePublic(Files.readString(retired))))
        .isEqualTo(old.keyId());
    assertThat(KeyFiles.loadOrCreate(dir).keyId()).isEqualTo(fresh.keyId());
  }

  @Test
  void aHalfMissingKeyIsRefusedRatherThanSilentlyReplaced() throws Exception {
    KeyFiles.loadOrCreate(dir);
    Files.delete(dir.resolve(KeyFiles.PUBLIC));
    assertThatThrownBy(() -> KeyFiles.loadOrCreate(dir)).hasMessageContaining("incomplete");
  }
}
