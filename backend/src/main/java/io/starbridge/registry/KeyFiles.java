package io.starbridge.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The site's Ed25519 key pair on disk, in {@code <data dir>/registry/}: {@code signing-key.pem}
 * (PKCS#8, mode 0600) and {@code signing-key.pub.pem} (SPKI). Created when both are missing;
 * rotation moves the public half to {@code retired/<keyId>.pub.pem} and deletes the private half.
 */
public final class KeyFiles {
  static final String PRIVATE = "signing-key.pem";
  static final String PUBLIC = "signing-key.pub.pem";

  /** A loaded key pair. {@code keyId}: the first 16 hex digits of SHA-256 of the SPKI bytes. */
  public record SiteKey(
      String keyId, PrivateKey privateKey, PublicKey publicKey, String publicPem) {
    public byte[] sign(byte[] message) {
      try {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(privateKey);
        s.update(message);
        return s.sign();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("Ed25519 signing failed", e);
      }
    }
  }

  private KeyFiles() {}

  /** Loads the key pair from {@code dir}, creating both files when neither exists. */
  public static synchronized SiteKey loadOrCreate(Path dir) {
    try {
      Files.createDirectories(dir);
      Path priv = dir.resolve(PRIVATE);
      Path pub = dir.resolve(PUBLIC);
      if (!Files.exists(priv) && !Files.exists(pub)) {
        create(dir);
      } else if (!Files.exists(priv) || !Files.exists(pub)) {
        throw new IllegalStateException(
            "registry key incomplete in "
                + dir
                + ": both "
                + PRIVATE
                + " and "
                + PUBLIC
                + " are needed (restore them from backup, or remove the leftover to start a new key)");
      }
      return load(priv, pub);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Retires the current pair: its public key is kept in {@code retired/}, its private key deleted,
   * and a new pair created. Returns the new key.
   */
  public static synchronized SiteKey rotate(Path dir) {
    SiteKey old = loadOrCreate(dir);
    try {
      Path retired = Files.createDirectories(dir.resolve("retired"));
      Files.copy(
          dir.resolve(PUBLIC),
          retired.resolve(old.keyId() + ".pub.pem"),
          StandardCopyOption.REPLACE_EXISTING);
      Files.delete(dir.resolve(PRIVATE));
      Files.delete(dir.resolve(PUBLIC));
      create(dir);
      return load(dir.resolve(PRIVATE), dir.resolve(PUBLIC));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void create(Path dir) throws IOException {
    KeyPair pair;
    try {
      pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    Path priv = dir.resolve(PRIVATE);
    try {
      Files.createFile(
          priv, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(priv); // not a POSIX file system
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException("refusing to overwrite " + priv, e);
    }
    Files.writeString(
        priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
    Files.writeString(
        dir.resolve(PUBLIC),
        pem("PUBLIC KEY", pair.getPublic().getEncoded()),
        StandardCharsets.US_ASCII);
  }

  private static SiteKey load(Path priv, Path pub) throws IOException {
    try {
      KeyFactory kf = KeyFactory.getInstance("Ed25519");
      PrivateKey privateKey =
          kf.generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(priv))));
      String publicPem = Files.readString(pub, StandardCharsets.US_ASCII);
      PublicKey publicKey = parsePublic(publicPem);
      SiteKey key = new SiteKey(keyId(publicKey), privateKey, publicKey, publicPem);
      byte[] probe = "starbridge-key-check".getBytes(StandardCharsets.US_ASCII);
      if (!verify(publicKey, probe, key.sign(probe))) {
        throw new IllegalStateException(priv + " and " + pub + " are not one key pair");
      }
      return key;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot read the registry key in " + priv.getParent(), e);
    }
  }

  public static PublicKey parsePublic(String pem) {
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der(pem)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("not an Ed25519 public key", e);
    }
  }

  public static String keyId(PublicKey key) {
    return CanonicalText.sha256Hex(key.getEncoded()).substring(0, 16);
  }

  public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(key);
      s.update(message);
      return s.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static String pem(String type, byte[] der) {
    String b64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
  }

  private static byte[] der(String pem) {
    String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
  }
}
