package io.kefu.ui.it;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archive under test: the real packaged WAR, named ROOT.war so that its context root is /. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive rootWar() {
        File war = ItEnvironment.war().toFile();
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: the integration tests run on the packaged WAR (mvn verify)");
        }
        WebArchive archive = ShrinkWrap.createFromZipFile(WebArchive.class, war);
        if (!archive.getName().equals("ROOT.war")) {
            archive = ShrinkWrap.create(WebArchive.class, "ROOT.war").merge(archive);
        }
        return archive;
    }
}
