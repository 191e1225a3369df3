package kuibu.mnist.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kuibu.grading.Exercise;
import org.junit.jupiter.api.Test;

/** Exercise 5.1: reading an IDX header — magic number, number of dimensions, big-endian counts. */
@Exercise(id = "5.1", points = 2)
class IdxHeaderExerciseTest {

    @Test
    void imageHeader() {
        byte[] bytes = {0, 0, 8, 3, 0, 0, (byte) 0xEA, 0x60, 0, 0, 0, 28, 0, 0, 0, 28};
        Idx.Header h = Idx.header(bytes, "train-images");
        assertEquals(8, h.type(), "the third byte is the type code (0x08: unsigned byte)");
        assertArrayEquals(new int[] {60000, 28, 28}, h.dimensions(),
                "the counts are big-endian: the first byte is the most significant (0x0000EA60 = 60000)");
        assertEquals(16, h.length());
    }

    @Test
    void labelHeaderWithLargeCount() {
        byte[] bytes = {0, 0, 8, 1, 0x01, (byte) 0x86, (byte) 0xA0, (byte) 0xFF, 9, 9};
        assertArrayEquals(new int[] {0x0186A0FF}, Idx.header(bytes, "labels").dimensions(),
                "bytes are signed in Java: mask each one with & 0xff before shifting");
    }

    @Test
    void wrongMagicNamesTheFile() {
        DataException e = assertThrows(DataException.class, () -> Idx.header(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0}, "x.gz"),
                "a header not starting with two zero bytes and type 0x08 is not an IDX file of bytes");
        assertTrue(e.getMessage().startsWith("x.gz: "), "the message starts with the file name: " + e.getMessage());
        assertThrows(DataException.class, () -> Idx.header(new byte[] {0, 0, 8, 0}, "zero-dims"), "0 dimensions is not MNIST");
        assertThrows(DataException.class, () -> Idx.header(new byte[] {0, 0, 8, 4, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1}, "four-dims"),
                "4 dimensions is not MNIST: labels have 1, images 3 (expect 1 to 3)");
        assertThrows(DataException.class, () -> Idx.header(new byte[] {0, 0, 9, 1, 0, 0, 0, 1}, "signed-bytes"),
                "type 0x09 (signed bytes) is not what MNIST uses");
    }

    @Test
    void truncatedHeaderNamesTheFile() {
        DataException e = assertThrows(DataException.class, () -> Idx.header(new byte[] {0, 0, 8, 3, 0, 0, 0, 5}, "short"),
                "three dimensions need 4 + 12 header bytes: check the length before reading the counts");
        assertTrue(e.getMessage().startsWith("short: ") && e.getMessage().contains("truncated"), e.getMessage());
        assertThrows(DataException.class, () -> Idx.header(new byte[] {0, 0}, "tiny"));
    }
}
