package ru.outreach.kit.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A create's {@code Idempotency-Key} as the caller sent it, with who sent it and what: a retry with the same key by
 * the same caller and the same request gets the first answer; the same key with another request is refused. A
 * controller method takes it as a parameter declared after its {@code @RequestBody}; it is null when the request
 * carries no key.
 *
 * @param key         the header's value (without the quotes of the draft's structured-field form)
 * @param caller      whom the key belongs to: the access token's subject; another person's same key is another key
 * @param fingerprint SHA-256 of the method, the path and the canonical body (see {@link RequestFingerprint})
 */
public record IdempotencyKey(String key, String caller, String fingerprint) {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        if (!valid(key)) {
            throw new IllegalArgumentException("Not an idempotency key: " + key);
        }
        if (caller == null || caller.isEmpty() || fingerprint == null || fingerprint.isEmpty()) {
            throw new IllegalArgumentException("An idempotency key needs its caller and fingerprint");
        }
    }

    /** 1 to 255 visible ASCII characters (%x21-7E): a UUID, a ULID, a random token. */
    public static boolean valid(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_LENGTH) {
            return false;
        }
        return key.chars().allMatch(c -> c >= 0x21 && c <= 0x7E);
    }

    /**
     * The id of the aggregate this key creates in {@code collection}: derived from the collection, the caller and the
     * key, so that two attempts of one create aim at one document, and the store's unique {@code _id} lets only one
     * of them in, however they interleave.
     */
    public String aggregateId(String collection) {
        byte[] hash = sha256(collection + '\n' + caller + '\n' + key);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        long high = bytes.getLong() & ~0xF000L | 0x8000L;                       // version 8: custom (RFC 9562)
        long low = bytes.getLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;  // variant of RFC 9562
        return new UUID(high, low).toString();
    }

    static String hash(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
