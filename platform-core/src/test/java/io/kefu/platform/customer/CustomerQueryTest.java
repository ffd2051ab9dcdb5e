package io.kefu.platform.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;

class CustomerQueryTest {

    @Test
    void defaults() {
        CustomerQuery q = CustomerQuery.parse(null, null, null, null, null, null);
        assertEquals(CustomerFilter.ALL, q.filter());
        assertNull(q.after());
        assertEquals(50, q.limit());
    }

    @Test
    void filtersAreRead() {
        CustomerQuery q = CustomerQuery.parse(" Li Wei ", "vip", "current", "INDIVIDUAL", "", "200");
        assertEquals(new CustomerFilter("Li Wei", "VIP", CustomerStatus.CURRENT, CustomerType.INDIVIDUAL), q.filter());
        assertEquals(200, q.limit());
        assertEquals(1, CustomerQuery.parse(null, null, null, null, null, "1").limit());
    }

    @Test
    void everyBadParameterIsReportedAtOnce() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> CustomerQuery.parse("x".repeat(101), "no-such", "GONE", "PERSON", "garbage!", "0"));
        assertEquals(List.of("q", "grade", "status", "type", "cursor", "limit"), e.errors().stream().map(FieldError::field).toList());
        assertEquals(CustomerQuery.LIMIT_INVALID, e.errors().get(5).code());
        assertEquals(Choice.UNKNOWN, e.errors().get(2).code());
    }

    @Test
    void limitsOutsideOneToTwoHundredAreRefused() {
        for (String limit : new String[] {"0", "201", "-5", "ten", "1.5"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> CustomerQuery.parse(null, null, null, null, null, limit), limit);
            assertEquals(FieldError.of("limit", CustomerQuery.LIMIT_INVALID, 1, 200), e.errors().get(0));
        }
    }
}
