package io.kefu.platform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.kefu.platform.problem.InvalidInputException;

class InputRulesTest {

    @Test
    void usernames() {
        assertEquals("li.wei_2", Username.parse(" li.wei_2 ", "u").value());
        assertEquals("user.username.invalid", code(() -> Username.parse("a", "u")));
        assertEquals("user.username.invalid", code(() -> Username.parse("li wei", "u")));
        assertEquals("user.username.invalid", code(() -> Username.parse(".hidden", "u")));
        assertEquals("field.required", code(() -> Username.parse(null, "u")));
    }

    @Test
    void passwords() {
        assertEquals(9, NewPassword.check("secret123", "p").length);
        assertEquals("user.password.length", code(() -> NewPassword.check("abc1", "p")));
        assertEquals("user.password.weak", code(() -> NewPassword.check("abcdefghij", "p")));
        assertEquals("user.password.weak", code(() -> NewPassword.check("1234567890", "p")));
        assertEquals("field.required", code(() -> NewPassword.check("", "p")));
    }

    @Test
    void emails() {
        assertEquals("kefu@example.cn", EmailAddress.parse(" kefu@example.cn", "e").value());
        assertEquals("email.invalid", code(() -> EmailAddress.parse("kefu@example", "e")));
        assertEquals("email.invalid", code(() -> EmailAddress.parse("kefu example.cn", "e")));
        assertEquals("email.invalid", code(() -> EmailAddress.parse("a@b@c.cn", "e")));
    }

    private static String code(Runnable r) {
        return assertThrows(InvalidInputException.class, r::run).errors().get(0).code();
    }
}
