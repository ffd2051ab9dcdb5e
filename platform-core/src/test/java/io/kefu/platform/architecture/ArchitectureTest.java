package io.kefu.platform.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTest {

    private static JavaClasses kefu;
    private static JavaClasses violations;

    @BeforeAll
    static void importClasses() {
        kefu = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.kefu.platform");
        violations = new ClassFileImporter().importPackages("io.kefu.archfixture");
    }

    @Test
    void entitiesArePlatformOrTenantScoped() {
        ArchitectureRules.ENTITIES_ARE_PLATFORM_OR_TENANT_SCOPED.check(kefu);
    }

    @Test
    void onlyTenantPersistenceSetsTheTenantOnTheEntityManager() {
        ArchitectureRules.ONLY_TENANT_PERSISTENCE_SETS_EM_PROPERTIES.check(kefu);
        ArchitectureRules.ONLY_TENANT_PERSISTENCE_KNOWS_ECLIPSELINK_CONFIG.check(kefu);
    }

    @Test
    void entitiesHaveNoPublicSetters() {
        ArchitectureRules.ENTITIES_HAVE_NO_PUBLIC_SETTERS.check(kefu);
    }

    @Test
    void problemsDependOnNothingOfKefu() {
        ArchitectureRules.PROBLEMS_DEPEND_ON_NOTHING.check(kefu);
    }

    @Test
    void coreKnowsNoUiOrTenantAdmin() {
        ArchitectureRules.CORE_KNOWS_NO_UI_OR_ADMIN.check(kefu);
    }

    @Test
    void jsonIsBuiltThroughTheCachedProvider() {
        ArchitectureRules.JSON_THROUGH_THE_CACHED_PROVIDER.check(kefu);
    }

    /** The rules are only worth something if they fire: each deliberate violation is caught. */
    @Test
    void theRulesCatchDeliberateViolations() {
        assertThrows(AssertionError.class, () -> ArchitectureRules.ENTITIES_ARE_PLATFORM_OR_TENANT_SCOPED.check(violations));
        assertThrows(AssertionError.class, () -> ArchitectureRules.ONLY_TENANT_PERSISTENCE_SETS_EM_PROPERTIES.check(violations));
        assertThrows(AssertionError.class, () -> ArchitectureRules.ENTITIES_HAVE_NO_PUBLIC_SETTERS.check(violations));
        assertThrows(AssertionError.class, () -> ArchitectureRules.JSON_THROUGH_THE_CACHED_PROVIDER.check(violations));
    }
}
