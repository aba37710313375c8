package dev.slant.datasets.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void isTheFirstHalfOfSha256OfTheUtf8Bytes() {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223 b00361a396177a9cb410ff61f20015ad
        Fingerprint abc = Fingerprint.of("abc");
        assertEquals(new Fingerprint(0xba7816bf8f01cfeaL, 0x414140de5dae2223L), abc);
        assertEquals("ba7816bf8f01cfea414140de5dae2223", abc.toString());
    }

    @Test
    void encodesAsUtf8() {
        // SHA-256 of the UTF-8 bytes c3 a9 of "\u00e9"; its one Latin-1 byte e9 would give de2e331d...
        assertEquals("4a99557e4033c3539de2eb65472017ca", Fingerprint.of("\u00e9").toString());
    }

    @Test
    void differsForTextsThatDifferInOneCharacter() {
        assertNotEquals(Fingerprint.of("the same text."), Fingerprint.of("the same text!"));
    }
}
