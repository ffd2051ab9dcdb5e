package io.kefu.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class InitialsTest {

    @Test
    void chineseNamesShowTheSurname() {
        assertEquals("李", Initials.of("李客服 Li (agent)"));
        assertEquals("王", Initials.of("王晓梅"));
        assertEquals("欧", Initials.of(" 欧阳娜娜 "));
    }

    @Test
    void otherNamesShowTheFirstAndLastInitialsWithoutBracketedNotes() {
        assertEquals("AA", Initials.of("Ann Agent"));
        assertEquals("L", Initials.of("Li (agent)"));
        assertEquals("JV", Initials.of("jan van der Velde"));
        assertEquals("É", Initials.of("élodie"));
        assertEquals("MS", Initials.of("Mia-Sophie Schulz"));
    }

    @Test
    void namesWithoutLettersLeaveTheIcon() {
        assertNull(Initials.of(null));
        assertNull(Initials.of("  "));
        assertNull(Initials.of("(bot) 007"));
    }
}
