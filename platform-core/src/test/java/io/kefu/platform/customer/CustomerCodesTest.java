package io.kefu.platform.customer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kefu.platform.i18n.Messages;

/** Every refusal code of this package has a text (MessagesTest keeps zh-CN and en in step). */
class CustomerCodesTest {

    @Test
    void everyCodeHasAMessage() throws IllegalAccessException {
        List<String> codes = new ArrayList<>(List.of("customer.erased.name", "customer.patch.unsupported",
                "customer.version.invalid", "customer.value.not-text", "customer.flag.invalid"));
        for (Class<?> type : List.of(Customers.class, ContactValue.class, Grades.class, PageCursor.class, CustomerQuery.class, Choice.class)) {
            for (Field f : type.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                    f.setAccessible(true);
                    String v = (String) f.get(null);
                    if (v.startsWith("customer.")) {
                        codes.add(v);
                    }
                }
            }
        }
        assertTrue(codes.size() > 25, codes::toString);
        for (String code : codes) {
            assertTrue(Messages.has(code), code);
        }
    }
}
