package io.kefu.platform.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;

class GradesTest {

    @Test
    void theDefaultGradesAreVipABC() {
        assertEquals(List.of("VIP", "A", "B", "C"), Grades.of("VIP,A,B,C").codes());
        assertEquals(List.of("VIP", "A", "B", "C"), Grades.of(null).codes(), "not set: the default");
        assertEquals(List.of("VIP", "A", "B", "C"), Grades.of("vip,,a").codes(), "a value that breaks the rule: the default");
    }

    @Test
    void aGradeMustBeOneOfTheTenantsCodes() {
        Grades grades = Grades.of("GOLD,SILVER,BRONZE");
        assertEquals("GOLD", grades.check("GOLD", "grade"));
        assertEquals("SILVER", grades.check(" silver ", "grade"), "any case, stored upper case");
        assertNull(grades.check(null, "grade"), "no grade");
        assertNull(grades.check("  ", "grade"), "no grade");

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> grades.check("VIP", "grade"));
        FieldError error = e.errors().get(0);
        assertEquals("grade", error.field());
        assertEquals(Grades.UNKNOWN, error.code());
        assertEquals(List.of("VIP", "GOLD, SILVER, BRONZE"), error.args());
    }

    @Test
    void filtersAcceptAnyWellFormedCodeEvenOneNoLongerListed() {
        assertTrue(Grades.wellFormed("D"));
        assertTrue(Grades.wellFormed("PLATINUM10"));
        assertFalse(Grades.wellFormed("PLATINUM100"));
        assertFalse(Grades.wellFormed("a"));
        assertFalse(Grades.wellFormed("A-B"));
    }
}
