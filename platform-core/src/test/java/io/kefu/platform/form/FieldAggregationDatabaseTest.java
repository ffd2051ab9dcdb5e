package io.kefu.platform.form;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.kefu.platform.db.TenantTestDatabase;
import io.kefu.platform.tenant.persistence.TenantPersistence;

/**
 * The KPI aggregation of a numeric custom field grouped by a choice field, through the typed
 * projection written by {@link FieldProjection#replace}, on H2 and PostgreSQL.
 */
class FieldAggregationDatabaseTest {

    private static final String SCHEMA = "t_agg";
    private EntityManagerFactory emf;

    @AfterEach
    void close() {
        if (emf != null) {
            emf.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void countSumAndAveragePerOption(String database) throws Exception {
        String url = TenantTestDatabase.migrated(database, SCHEMA);
        try (Connection c = DriverManager.getConnection(url)) {
            String schema = database.equals("h2") ? SCHEMA.toUpperCase() : SCHEMA;
            try (Statement st = c.createStatement()) {
                for (int i = 1; i <= 5; i++) {
                    st.execute("insert into " + schema + ".ticket (id, number, kind, status, priority, channel, subject, subject_search, tags,"
                            + " created_at, created_by, updated_at, reopen_count, last_event_seq, version) values ('t" + i + "', 'KF-" + i
                            + "', 'COMPLAINT', 'NEW', 'NORMAL', 'API', 's', 's', ',', CURRENT_TIMESTAMP, 'test', CURRENT_TIMESTAMP, 0, 0, 1)");
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        emf = TenantTestDatabase.persistenceUnit(database, url);
        EntityManager em = emf.createEntityManager(Map.of(TenantPersistence.TENANT_PROPERTY, SCHEMA));
        FieldProjection projection = new FieldProjection();
        projection.data = TenantTestDatabase.persistence(() -> em);
        List<FieldDefinition> defs = FormFixtures.form(
                "{'key':'claim','type':'MONEY'," + FormFixtures.LABEL + "}",
                "{'key':'issues','type':'MULTI_CHOICE'," + FormFixtures.LABEL + ",'options':[{'value':'late','label':{'zh-CN':'延误','en':'Late'}},"
                        + "{'value':'lost','label':{'zh-CN':'丢失','en':'Lost'}}]}").fields();
        try {
            em.getTransaction().begin();
            projection.replace("t1", defs, FormFixtures.json("{'claim':{'amount':'10.00','currency':'CNY'},'issues':['late']}"));
            projection.replace("t2", defs, FormFixtures.json("{'claim':{'amount':'20.00','currency':'CNY'},'issues':['late','lost']}"));
            projection.replace("t3", defs, FormFixtures.json("{'claim':{'amount':'99.00','currency':'CNY'},'issues':['lost']}"));
            projection.replace("t4", defs, FormFixtures.json("{'issues':['lost']}"));
            projection.replace("t5", defs, FormFixtures.json("{'claim':{'amount':'5.00','currency':'CNY'}}"));
            // Rewriting a ticket's values replaces its rows: t3 is no longer 99.
            projection.replace("t3", defs, FormFixtures.json("{'claim':{'amount':'30.00','currency':'CNY'},'issues':['lost']}"));
            em.getTransaction().commit();

            em.getTransaction().begin();
            List<FieldProjection.Group> groups = projection.aggregate("claim", "issues");
            em.getTransaction().commit();
            assertEquals(List.of(new FieldProjection.Group("late", 2, new BigDecimal("30"), new BigDecimal("15.00")),
                    new FieldProjection.Group("lost", 2, new BigDecimal("50"), new BigDecimal("25.00"))), groups);
        } finally {
            em.close();
        }
    }
}
