package io.kefu.ui.it.arquillian;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.container.spi.event.container.AfterUnDeploy;
import org.jboss.arquillian.container.spi.event.container.BeforeStop;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Makes the Payara Micro connector start one server per test run instead of one per test class.
 *
 * <p>The connector "deploys" by starting a new Payara Micro process with the archive and
 * "undeploys" by {@code Process.destroy()}: every test class would pay a full server start (about
 * 25 s here). Every IT deploys the same {@code ROOT.war} with {@code testable = false}, so the
 * first class's deployment is kept running for the following classes and stopped when Arquillian
 * stops the container at the end of the run. Tests stay independent through their own tenants.
 * {@code -Dkefu.it.redeployPerClass=true} restores one server per class.
 *
 * <p>Whenever a server does stop, this waits until its process has exited (the connector does not),
 * so that the next start finds the ports and the H2 file lock free, and removes the copy of the
 * WAR the connector left under {@code java.io.tmpdir}.
 */
public class OneServerPerRun implements LoadableExtension {

    private static final Logger LOG = Logger.getLogger(OneServerPerRun.class.getName());

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Observer.class);
    }

    public static class Observer {

        /** Archives kept running, by container name and archive name. */
        private static final Map<String, Running> RUNNING = new HashMap<>();

        private record Running(DeployableContainer<?> container, Archive<?> archive) {
        }

        private static boolean reuse() {
            return !Boolean.getBoolean("kefu.it.redeployPerClass");
        }

        private static String key(String container, Deployment deployment) {
            return container + "/" + deployment.getDescription().getArchive().getName();
        }

        public void deploy(@org.jboss.arquillian.core.api.annotation.Observes EventContext<DeployDeployment> context) {
            DeployDeployment event = context.getEvent();
            Deployment deployment = event.getDeployment();
            if (!reuse() || !deployment.getDescription().isArchiveDeployment() || deployment.getDescription().testable()) {
                context.proceed();
                return;
            }
            String key = key(event.getContainerName(), deployment);
            synchronized (RUNNING) {
                Running running = RUNNING.get(key);
                if (running != null && running.container() == event.getDeployableContainer()) {
                    Process p = payaraProcess(running.container());
                    if (p != null && p.isAlive()) {
                        LOG.info("Reusing the running server for " + key);
                        deployment.deployed();
                        return;
                    }
                    RUNNING.remove(key);
                }
                context.proceed();
                if (deployment.isDeployed()) {
                    RUNNING.put(key, new Running(event.getDeployableContainer(), deployment.getDescription().getArchive()));
                }
            }
        }

        public void undeploy(@org.jboss.arquillian.core.api.annotation.Observes EventContext<UnDeployDeployment> context) {
            UnDeployDeployment event = context.getEvent();
            synchronized (RUNNING) {
                Running running = RUNNING.get(key(event.getContainerName(), event.getDeployment()));
                if (running != null && running.container() == event.getDeployableContainer()) {
                    // Kept for the next test class; stopped with the container.
                    event.getDeployment().undeployed();
                    return;
                }
            }
            context.proceed();
        }

        /** The end of the run: stop what was kept running. */
        public void stop(@org.jboss.arquillian.core.api.annotation.Observes BeforeStop event) throws Exception {
            synchronized (RUNNING) {
                var it = RUNNING.values().iterator();
                while (it.hasNext()) {
                    Running running = it.next();
                    if (running.container() == event.getDeployableContainer()) {
                        it.remove();
                        LOG.info("Stopping the server kept for " + running.archive().getName());
                        running.container().undeploy(running.archive());
                        awaitExit(running.container());
                    }
                }
            }
        }

        public void afterUndeploy(@org.jboss.arquillian.core.api.annotation.Observes AfterUnDeploy event) throws InterruptedException {
            awaitExit(event.getDeployableContainer());
        }

        private static void awaitExit(DeployableContainer<?> container) throws InterruptedException {
            Process process = payaraProcess(container);
            if (process != null && !process.waitFor(60, TimeUnit.SECONDS)) {
                LOG.warning("Payara Micro did not stop within 60 s; killing it");
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            if (process != null) {
                LOG.info("Payara Micro exited with " + (process.isAlive() ? "(still alive)" : process.exitValue()));
            }
            removeArchiveCopies();
        }

        private static Process payaraProcess(Object container) {
            for (Class<?> c = container.getClass(); c != null; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Process.class.isAssignableFrom(f.getType())) {
                        try {
                            f.setAccessible(true);
                            return (Process) f.get(container);
                        } catch (ReflectiveOperationException | RuntimeException e) {
                            LOG.warning("Cannot read the Payara Micro process of " + container.getClass().getName() + ": " + e);
                            return null;
                        }
                    }
                }
            }
            LOG.warning("No process field in " + container.getClass().getName());
            return null;
        }

        /** The connector's {@code arquillian-payara-micro*} folders, only when tmpdir is the tests' own. */
        private static void removeArchiveCopies() {
            String base = System.getProperty("kefu.it.base");
            Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
            if (base == null || !tmp.startsWith(Path.of(base).toAbsolutePath().normalize())) {
                return;
            }
            try (Stream<Path> copies = Files.list(tmp)) {
                copies.filter(p -> p.getFileName().toString().startsWith("arquillian-payara-micro")).forEach(Observer::delete);
            } catch (IOException e) {
                LOG.fine("Cannot list " + tmp + ": " + e);
            }
        }

        private static void delete(Path dir) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                LOG.fine("Cannot delete " + dir + ": " + e);
            }
        }
    }
}
