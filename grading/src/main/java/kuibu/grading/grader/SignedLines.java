package kuibu.grading.grader;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The test JVM's report to the grader, line by line, each line signed: an HMAC-SHA256 of its number and
 * its text under a key the grader makes for each test JVM and hands it on standard input, before any
 * student class is loaded. The student's code runs in that JVM, can find the report file and could
 * write to it; without the key it cannot write a line the grader accepts, nor reorder or repeat one.
 *
 * <p>A line is {@code text TAB signature}; the signature covers "number TAB text", lines numbered from 0.
 */
final class SignedLines {

    private static final String ALGORITHM = "HmacSHA256";

    private final Mac mac;
    private long next;

    private SignedLines(byte[] key) {
        try {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no " + ALGORITHM + " in this Java runtime", e);
        }
    }

    /** A fresh random key, as the hexadecimal text handed to the test JVM. */
    static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    /** Signs or checks the lines of one report, in order, with {@code hexKey}. */
    static SignedLines withKey(String hexKey) {
        return new SignedLines(HexFormat.of().parseHex(hexKey.strip()));
    }

    /** The next line of the report, signed. */
    synchronized String sign(String text) {
        return text + "\t" + signature(next++, text);
    }

    /**
     * The text of the next line if {@code line} is it, correctly signed, or null when it is not (a forged,
     * repeated or reordered line): then nothing after it can be trusted either.
     */
    synchronized String verify(String line) {
        int tab = line.lastIndexOf('\t');
        if (tab < 0) {
            return null;
        }
        String text = line.substring(0, tab);
        byte[] expected = HexFormat.of().parseHex(signature(next, text));
        byte[] given;
        try {
            given = HexFormat.of().parseHex(line.substring(tab + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!MessageDigest.isEqual(expected, given)) {
            return null;
        }
        next++;
        return text;
    }

    private String signature(long number, String text) {
        return HexFormat.of().formatHex(mac.doFinal((number + "\t" + text).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
