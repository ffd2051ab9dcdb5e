package io.kefu.platform.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kefu.platform.plugin.fixture.FuturePlugin;
import io.kefu.platform.plugin.fixture.GoodPlugin;
import io.kefu.platform.plugin.fixture.PlatformPeekingPlugin;
import io.kefu.plugin.api.KefuPlugin;
import io.kefu.plugin.api.PluginDocument;

class PluginLoaderTest {

    @TempDir
    Path folder;

    /** The test class path has no bundled plugins; the folder is the only source. */
    private final ClassLoader application = PluginLoaderTest.class.getClassLoader();

    private List<LoadedPlugin> load() {
        return new PluginLoader(application, "1.0").load(Optional.of(folder));
    }

    private static LoadedPlugin byId(List<LoadedPlugin> all, String id) {
        return all.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id + " not in " + all));
    }

    @Test
    void aFolderPluginLoadsInItsOwnClassLoaderThatSeesOnlyTheApiAndTheJdk() throws Exception {
        PluginJars.jar(folder, "good.jar", Map.of("kefu-plugin/good/categories.json", "{\"formatVersion\":1,\"categories\":[]}"),
                GoodPlugin.class);

        LoadedPlugin good = byId(load(), "good");

        assertEquals(PluginState.ACTIVE, good.state());
        assertEquals("1.2.0", good.version());
        assertTrue(good.source().endsWith("good.jar"));
        ClassLoader own = good.plugin().getClass().getClassLoader();
        // Its class came from the JAR, not from the test class path where the same class also sits.
        assertTrue(own != application && own.getName().startsWith("kefu-plugin:"), own.toString());
        // It shares the API type with the host...
        assertSame(KefuPlugin.class, own.loadClass("io.kefu.plugin.api.KefuPlugin"));
        // ...and the JDK, but no platform class and no library of the application.
        assertEquals(String.class, own.loadClass("java.lang.String"));
        assertThrows(ClassNotFoundException.class, () -> own.loadClass("io.kefu.platform.tenant.TenantCode"));
        assertThrows(ClassNotFoundException.class, () -> own.loadClass("io.kefu.platform.plugin.PluginLoader"));
        assertThrows(ClassNotFoundException.class, () -> own.loadClass("org.junit.jupiter.api.Test"));
        // Its documents come from its own JAR.
        assertTrue(PluginDocument.CATEGORIES.read(good.plugin()).orElseThrow().contains("formatVersion"));
    }

    @Test
    void aPluginUsingPlatformClassesIsRefusedAndTheOthersStillLoad() throws Exception {
        PluginJars.jar(folder, "a-peeking.jar", Map.of(), PlatformPeekingPlugin.class);
        PluginJars.jar(folder, "b-good.jar", Map.of(), GoodPlugin.class);

        List<LoadedPlugin> all = load();

        LoadedPlugin peeking = all.get(0);
        assertEquals(PluginState.REFUSED, peeking.state());
        assertTrue(peeking.refusedReason().contains("io/kefu/platform/tenant/TenantCode"), peeking.refusedReason());
        assertNull(peeking.plugin());
        assertEquals(PluginState.ACTIVE, byId(all, "good").state());
    }

    @Test
    void anIncompatibleApiVersionIsRefusedWithAClearReason() throws Exception {
        PluginJars.jar(folder, "future.jar", Map.of(), FuturePlugin.class);

        LoadedPlugin future = byId(load(), "future");

        assertEquals(PluginState.REFUSED, future.state());
        assertEquals("1.99", future.apiVersion());
        assertEquals("the plugin needs plugin API 1.99 but this platform offers only 1.0 (upgrade the platform)", future.refusedReason());
    }

    @Test
    void aSecondPluginWithATakenIdIsRefused() throws Exception {
        PluginJars.jar(folder, "a.jar", Map.of(), GoodPlugin.class);
        PluginJars.jar(folder, "b.jar", Map.of(), GoodPlugin.class);

        List<LoadedPlugin> all = load();

        assertEquals(PluginState.ACTIVE, all.get(0).state());
        assertEquals(PluginState.REFUSED, all.get(1).state());
        assertTrue(all.get(1).refusedReason().startsWith("id 'good' is already provided by "), all.get(1).refusedReason());
    }

    @Test
    void aJarWithoutAProviderOrNotAJarAtAllIsRefused() throws Exception {
        PluginJars.jar(folder, "empty.jar", Map.of());
        Files.writeString(folder.resolve("broken.jar"), "not a zip");

        List<LoadedPlugin> all = load();

        assertEquals(2, all.size(), all.toString());
        assertTrue(all.stream().allMatch(p -> p.state() == PluginState.REFUSED), all.toString());
    }

    @Test
    void aMissingFolderMeansNoPartnerPlugins() {
        assertEquals(List.of(), new PluginLoader(application, "1.0").load(Optional.of(folder.resolve("absent"))));
    }
}
