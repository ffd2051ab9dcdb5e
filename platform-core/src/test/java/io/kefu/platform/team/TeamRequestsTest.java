package io.kefu.platform.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;

class TeamRequestsTest {

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s.replace('\'', '"'))).readObject();
    }

    private static Map<String, String> errors(Runnable r) {
        InvalidInputException e = assertThrows(InvalidInputException.class, r::run);
        return e.errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::code, (a, b) -> a, LinkedHashMap::new));
    }

    @Test
    void aMinimalTeamAssignsManually() {
        TeamRequests.New n = TeamRequests.create(json("{'code':'after-sales','name':'  售后服务组 '}"));
        assertEquals("after-sales", n.code());
        assertEquals("售后服务组", n.name());
        assertNull(n.description());
        assertEquals(AssignmentStrategy.MANUAL, n.strategy());
    }

    @Test
    void everyFieldIsRead() {
        TeamRequests.New n = TeamRequests.create(json("{'code':'vip','name':'VIP desk','description':'大客户','strategy':'least_loaded'}"));
        assertEquals(new TeamRequests.New("vip", "VIP desk", "大客户", AssignmentStrategy.LEAST_LOADED), n);
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        Map<String, String> e = errors(() -> TeamRequests.create(json(
                "{'code':'After Sales','name':'','description':'" + "x".repeat(1001) + "','strategy':'RANDOM','colour':'red'}")));
        assertEquals(Map.of("colour", "field.unknown", "code", "team.code.invalid", "name", "field.required",
                "description", "field.too-long", "strategy", "field.value.unknown"), e);
        assertEquals(Map.of("code", "field.required", "name", "field.required"), errors(() -> TeamRequests.create(null)));
        assertEquals(Map.of("code", "field.type.string", "name", "field.type.string"),
                errors(() -> TeamRequests.create(json("{'code':7,'name':true}"))));
    }

    @Test
    void theNameHasOneToAHundredCharactersInAnyLanguage() {
        assertEquals("客".repeat(100), TeamRequests.create(json("{'code':'ab','name':'" + "客".repeat(100) + "'}")).name());
        assertEquals(Map.of("name", "field.too-long"), errors(() -> TeamRequests.create(json("{'code':'ab','name':'" + "客".repeat(101) + "'}"))));
        assertEquals(Map.of("name", "field.required"), errors(() -> TeamRequests.create(json("{'code':'ab','name':'   '}"))));
    }

    @Test
    void codesAreTwoToThirtyTwoLowerCaseLettersDigitsOrHyphens() {
        for (String good : new String[] {"ab", "a-", "9x", "after-sales", "team-2", "a".repeat(32)}) {
            assertEquals(good, TeamRequests.code(good), good);
        }
        assertEquals("sales", TeamRequests.code("  sales "));
        for (String bad : new String[] {"a", "-ab", "Sales", "after_sales", "售后", "a b", "a".repeat(33)}) {
            assertEquals(Map.of("code", "team.code.invalid"), errors(() -> TeamRequests.code(bad)), bad);
        }
        assertEquals(Map.of("code", "field.required"), errors(() -> TeamRequests.code(" ")));
    }

    @Test
    void noCodeLooksLikeAnId() {
        assertTrue(TeamRequests.looksLikeId(UUID.randomUUID().toString()));
        assertFalse(TeamRequests.looksLikeId("a".repeat(32)));
        assertFalse(TeamRequests.looksLikeId(UUID.randomUUID().toString().toUpperCase()));
        assertFalse(TeamRequests.looksLikeId(null));
        // The longest code is shorter than an id, so a code can never be taken for one.
        assertThrows(InvalidInputException.class, () -> TeamRequests.code(UUID.randomUUID().toString()));
    }

    @Test
    void aPatchTellsAbsentFromClearedAndNeedsTheVersion() {
        TeamRequests.Patch p = TeamRequests.patch(json("{'version':3,'description':null}"));
        assertEquals(3, p.version());
        assertNull(p.edit().name());
        assertEquals(new TeamRequests.Description(null), p.edit().description());
        assertNull(p.edit().strategy());

        TeamRequests.Patch q = TeamRequests.patch(json("{'version':1,'name':'新名字','strategy':'ROUND_ROBIN'}"));
        assertEquals(new TeamRequests.Edit("新名字", null, AssignmentStrategy.ROUND_ROBIN), q.edit());
    }

    @Test
    void aPatchReportsEveryInvalidField() {
        assertEquals(Map.of("version", "team.version.required"), errors(() -> TeamRequests.patch(json("{'name':'x'}"))));
        assertEquals(Map.of("version", "field.type.integer"), errors(() -> TeamRequests.patch(json("{'version':'2'}"))));
        assertEquals(Map.of("code", "team.code.fixed", "members", "field.unknown", "version", "team.version.required",
                        "name", "field.required", "strategy", "field.required"),
                errors(() -> TeamRequests.patch(json("{'code':'new','members':[],'name':null,'strategy':null}"))));
    }
}
