package io.newswire.producer.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decodes input bytes strictly: input bytes, output the text, or why they are not usable text (empty, binary, not
 * UTF-8). UTF-8 is read with a decoder that reports malformed input instead of replacing it, so a Latin-1 file is
 * rejected with the offset of its first bad byte rather than published with U+FFFD in it.
 */
final class TextDecoder {

    /** The text, or the reason and message why there is none. */
    record Decoded(String text, RejectReason reason, String message) {

        static Decoded text(final String text) {
            return new Decoded(text, null, null);
        }

        static Decoded problem(final RejectReason reason, final String message) {
            return new Decoded(null, reason, message);
        }

        boolean ok() {
            return reason == null;
        }
    }

    /** Above this share of control characters, "text" is binary data that happens to decode. */
    private static final double MAX_CONTROL_SHARE = 0.05;
    private static final String RESAVE = "re-save it as UTF-8";

    private TextDecoder() {
    }

    /**
     * The text of a whole .txt file: UTF-8 with or without a byte order mark, or UTF-16 with one (the BOM says which
     * byte order; without a BOM UTF-16 cannot be told from binary data reliably).
     */
    static Decoded decodeFile(final byte[] bytes) {
        if (bytes.length == 0) {
            return Decoded.problem(RejectReason.EMPTY, "the file is empty (0 bytes)");
        }
        final Decoded unsupported = unsupportedByteOrderMark(bytes, "text");
        if (unsupported != null) {
            return unsupported;
        }
        final Charset utf16 = utf16ByByteOrderMark(bytes);
        final Decoded decoded;
        if (utf16 != null) {
            decoded = decode(bytes, 2, utf16, "UTF-16");
        } else {
            final Decoded binary = binaryIfNul(bytes, bytes.length);
            if (binary != null) {
                return binary;
            }
            decoded = decode(bytes, hasUtf8ByteOrderMark(bytes) ? 3 : 0, StandardCharsets.UTF_8, "UTF-8");
        }
        if (!decoded.ok()) {
            return decoded;
        }
        if (controlShare(decoded.text()) > MAX_CONTROL_SHARE) {
            return Decoded.problem(RejectReason.BINARY, "mostly control characters: looks like binary data, not text");
        }
        if (decoded.text().isBlank()) {
            return Decoded.problem(RejectReason.EMPTY, "the file holds only whitespace");
        }
        return decoded;
    }

    /**
     * Checks the first bytes of a .jsonl file, which is then read line by line. JSON Lines is UTF-8 by definition
     * (jsonlines.org, RFC 8259 for JSON exchanged between systems), so UTF-16 is rejected rather than decoded.
     */
    static Decoded checkJsonlHead(final byte[] head) {
        if (head.length == 0) {
            return Decoded.problem(RejectReason.EMPTY, "the file is empty (0 bytes)");
        }
        final Decoded unsupported = unsupportedByteOrderMark(head, "JSON Lines");
        if (unsupported != null) {
            return unsupported;
        }
        if (utf16ByByteOrderMark(head) != null) {
            return Decoded.problem(RejectReason.NOT_UTF8, "UTF-16 text, but JSON Lines must be UTF-8; " + RESAVE);
        }
        final Decoded binary = binaryIfNul(head, head.length);
        return binary != null ? binary : Decoded.text("");
    }

    /** One line of a .jsonl file, strictly UTF-8 (a UTF-8 byte order mark on the first line is dropped). */
    static Decoded decodeLine(final byte[] line, final boolean first) {
        return decode(line, first && hasUtf8ByteOrderMark(line) ? 3 : 0, StandardCharsets.UTF_8, "UTF-8");
    }

    private static Decoded decode(final byte[] bytes, final int start, final Charset charset, final String name) {
        final CharsetDecoder decoder = charset.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        final ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        final CharBuffer out = CharBuffer.allocate((int) Math.ceil(in.remaining() * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            final int offset = in.position();
            return Decoded.problem(RejectReason.NOT_UTF8, "not " + name + ": byte "
                + String.format(Locale.ROOT, "0x%02X", bytes[offset] & 0xFF) + " at offset " + offset
                + " (line " + lineAt(bytes, offset) + ") is not valid " + name
                + (charset == StandardCharsets.UTF_8 ? " (perhaps Latin-1 or Windows-1252)" : "") + "; " + RESAVE);
        }
        out.flip();
        return Decoded.text(out.toString());
    }

    private static Decoded binaryIfNul(final byte[] bytes, final int length) {
        for (int index = 0; index < length; index++) {
            if (bytes[index] == 0) {
                return Decoded.problem(RejectReason.BINARY, "holds NUL bytes (the first at offset " + index
                    + "): binary data, or UTF-16 without a byte order mark; only text in UTF-8 is read");
            }
        }
        return null;
    }

    /** UTF-32 is so rare in wire copy that decoding it is not worth the code; its BOM makes it easy to name. */
    private static Decoded unsupportedByteOrderMark(final byte[] bytes, final String what) {
        final boolean utf32 = startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00) || startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF);
        return utf32 ? Decoded.problem(RejectReason.NOT_UTF8, "UTF-32 " + what + "; " + RESAVE) : null;
    }

    private static Charset utf16ByByteOrderMark(final byte[] bytes) {
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static boolean hasUtf8ByteOrderMark(final byte[] bytes) {
        return startsWith(bytes, 0xEF, 0xBB, 0xBF);
    }

    private static boolean startsWith(final byte[] bytes, final int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int index = 0; index < prefix.length; index++) {
            if ((bytes[index] & 0xFF) != prefix[index]) {
                return false;
            }
        }
        return true;
    }

    /** The share of C0/C1 control characters other than tab, line feed, carriage return and form feed. */
    private static double controlShare(final String text) {
        int control = 0;
        for (int index = 0; index < text.length(); index++) {
            final char c = text.charAt(index);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                control++;
            }
        }
        return text.isEmpty() ? 0 : (double) control / text.length();
    }

    private static int lineAt(final byte[] bytes, final int offset) {
        int line = 1;
        for (int index = 0; index < offset; index++) {
            if (bytes[index] == '\n') {
                line++;
            }
        }
        return line;
    }
}
