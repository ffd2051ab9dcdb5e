package io.kefu.archfixture;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;

/**
 * Deliberately breaks the architecture rules (ArchitectureTest proves they fire): an entity in
 * neither the platform schema nor a tenant's, with a public setter, that switches tenants itself.
 */
@Entity
public class LeakyEntity {

    @Id
    private String id;

    public void setId(String id) {
        this.id = id;
    }

    static void switchTenant(EntityManager em) {
        em.setProperty("eclipselink.tenant-id", "t_other");
    }
}
