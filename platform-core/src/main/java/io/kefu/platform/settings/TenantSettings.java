package io.kefu.platform.settings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.kefu.platform.audit.AuditLog;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.problem.NotFoundException;
import io.kefu.platform.tenant.persistence.TenantPersistence;

/** The bound tenant's settings: stored values over defaults. */
@ApplicationScoped
@Transactional
public class TenantSettings {

    @Inject
    TenantPersistence data;

    @Inject
    AuditLog audit;

    /** Every setting, with its default where the tenant has not set it. */
    public Map<String, String> all() {
        Map<String, String> values = new LinkedHashMap<>();
        for (SettingKey k : SettingKey.values()) {
            values.put(k.key(), k.defaultValue());
        }
        for (TenantSetting s : data.entityManager().createQuery("select s from TenantSetting s", TenantSetting.class).getResultList()) {
            values.put(s.key(), s.value());
        }
        return values;
    }

    public String get(SettingKey key) {
        TenantSetting s = data.entityManager().find(TenantSetting.class, key.key());
        return s == null ? key.defaultValue() : s.value();
    }

    /** Sets a setting named by its key, as a client sends it. */
    public void set(String key, String value, String by) {
        SettingKey k = SettingKey.byKey(key).orElseThrow(() -> new NotFoundException("setting.unknown", key, SettingKey.allKeys()));
        set(k, value, by);
    }

    public void set(SettingKey key, String value, String by) {
        String v = value == null ? null : value.trim();
        if (!key.accepts(v)) {
            throw new InvalidInputException(FieldError.of("value", "setting.value.invalid", key.key(), v == null ? "" : v));
        }
        EntityManager em = data.entityManager();
        TenantSetting s = em.find(TenantSetting.class, key.key());
        String before = s == null ? key.defaultValue() : s.value();
        if (s == null) {
            em.persist(new TenantSetting(key, v, by));
        } else {
            s.change(v, by);
        }
        audit.record("setting.changed", "setting", key.key(), Collections.singletonMap("value", before),
                Collections.singletonMap("value", v));
    }
}
