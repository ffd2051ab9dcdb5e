package io.kefu.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class ValidationTest {

    @Test
    void collectsEveryInvalidFieldBeforeThrowingOnce() {
        Validation v = new Validation();
        String ok = v.check(() -> "fine");
        Object bad = v.check(() -> {
            throw new InvalidInputException(FieldError.of("a", "x.invalid", 1));
        });
        v.reject("b", "field.required");
        assertEquals("fine", ok);
        assertNull(bad);
        InvalidInputException e = assertThrows(InvalidInputException.class, v::throwIfInvalid);
        assertEquals(List.of("a", "b"), e.errors().stream().map(FieldError::field).toList());
        assertEquals(List.of(1), e.errors().get(0).args());
    }

    @Test
    void nothingIsThrownWhenAllIsValid() {
        Validation v = new Validation();
        v.check(() -> 1);
        v.throwIfInvalid();
    }

    @Test
    void anInvalidInputNamesAtLeastOneField() {
        assertThrows(IllegalArgumentException.class, () -> new InvalidInputException(List.of()));
    }
}
