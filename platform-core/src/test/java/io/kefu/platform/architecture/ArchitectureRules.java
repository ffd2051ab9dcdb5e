package io.kefu.platform.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import io.kefu.platform.tenant.persistence.PlatformSchema;

/** Kefu's architecture as rules; {@link ArchitectureTest} applies them and proves they can fail. */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /**
     * Tenant isolation starts at the mapping: an entity lives either in the platform schema or
     * in the tenant's own schema (TABLE_PER_TENANT, SCHEMA discriminator). An entity with neither
     * would read and write the database's default schema, shared by all tenants.
     */
    static final ArchRule ENTITIES_ARE_PLATFORM_OR_TENANT_SCOPED = classes()
            .that().areAnnotatedWith(Entity.class)
            .should(new ArchCondition<JavaClass>("live in the platform schema or be @Multitenant(TABLE_PER_TENANT) by SCHEMA") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    boolean platform = c.tryGetAnnotationOfType(Table.class)
                            .map(t -> PlatformSchema.NAME.equals(t.schema())).orElse(false);
                    boolean tenant = c.tryGetAnnotationOfType(Multitenant.class)
                            .map(m -> m.value() == MultitenantType.TABLE_PER_TENANT).orElse(false)
                            && c.tryGetAnnotationOfType(TenantTableDiscriminator.class)
                            .map(d -> d.type() == TenantTableDiscriminatorType.SCHEMA).orElse(false);
                    if (platform == tenant) {
                        events.add(SimpleConditionEvent.violated(c, c.getName()
                                + (platform ? " is both platform and tenant scoped" : " is neither in the platform schema nor tenant scoped")));
                    }
                }
            });

    /** Only the tenant-bound EntityManager sets EclipseLink's tenant property. */
    static final ArchRule ONLY_TENANT_PERSISTENCE_SETS_EM_PROPERTIES = noClasses()
            .that().resideOutsideOfPackage("io.kefu.platform.tenant.persistence..")
            .should().callMethod(EntityManager.class, "setProperty", String.class, Object.class)
            .because("the tenant's schema is set in exactly one place (TenantPersistence)");

    static final ArchRule ONLY_TENANT_PERSISTENCE_KNOWS_ECLIPSELINK_CONFIG = noClasses()
            .that().resideOutsideOfPackage("io.kefu.platform.tenant.persistence..")
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.persistence.config..");

    /** Aggregates change through behaviour named in the domain, not public setters. */
    static final ArchRule ENTITIES_HAVE_NO_PUBLIC_SETTERS = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(Entity.class)
            .and().arePublic()
            .should().haveNameNotStartingWith("set");

    /** Refusals are the vocabulary of every layer, so they depend on nothing of Kefu. */
    static final ArchRule PROBLEMS_DEPEND_ON_NOTHING = noClasses()
            .that().resideInAPackage("io.kefu.platform.problem..")
            .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("Kefu or Jakarta classes outside io.kefu.platform.problem",
                    (JavaClass c) -> (c.getPackageName().startsWith("io.kefu.") || c.getPackageName().startsWith("jakarta."))
                            && !c.getPackageName().startsWith("io.kefu.platform.problem")));

    static final ArchRule CORE_KNOWS_NO_UI_OR_ADMIN = noClasses()
            .that().resideInAPackage("io.kefu.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..", "io.kefu.ui..", "io.kefu.tenantadmin..");

    /**
     * JSON is built through the one cached provider: {@code jakarta.json.Json} looks its
     * provider up with ServiceLoader on every call (ADR 0011).
     */
    static final ArchRule JSON_THROUGH_THE_CACHED_PROVIDER = noClasses()
            .that().resideInAPackage("io.kefu..")
            .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.json.Json")
            .because("Json's static factories look the provider up on every call; use io.kefu.platform.json.Jsons");
}
