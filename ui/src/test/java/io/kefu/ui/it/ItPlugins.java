package io.kefu.ui.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import io.kefu.ui.it.partner.FuturePlugin;
import io.kefu.ui.it.partner.PartnerPlugin;

/**
 * The server's plugins folder for an integration-test run ({@code kefu.plugins.dir}): a partner
 * plugin JAR and one built for a future plugin API, packed from the test classes as a partner's
 * build would pack them. They are not in the WAR, so the server can reach them only through the
 * folder, each in its own class loader.
 */
final class ItPlugins {

    static final String PARTNER_ID = "it-partner";
    static final String FUTURE_ID = "it-future";

    private ItPlugins() {
    }

    static void prepare(Path folder) throws IOException {
        Files.createDirectories(folder);
        jar(folder.resolve("it-partner-1.0.0.jar"), PartnerPlugin.class,
                List.of("categories.json", "kpis.json", "canned-replies.json", "knowledge.json", "emergency-plans.json", "forms.json"));
        jar(folder.resolve("it-future-9.0.0.jar"), FuturePlugin.class, List.of());
    }

    private static void jar(Path jar, Class<?> plugin, List<String> documents) throws IOException {
        ClassLoader loader = ItPlugins.class.getClassLoader();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            String prefix = plugin.getName().replace('.', '/');
            // The class and its nested (anonymous) classes.
            Path classes = Path.of(loader.getResource(prefix + ".class").getPath()).getParent();
            try (var files = Files.list(classes)) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith(plugin.getSimpleName())).toList()) {
                    out.putNextEntry(new JarEntry(prefix.substring(0, prefix.lastIndexOf('/') + 1) + f.getFileName()));
                    Files.copy(f, out);
                }
            }
            out.putNextEntry(new JarEntry("META-INF/services/io.kefu.plugin.api.KefuPlugin"));
            out.write((plugin.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            for (String d : documents) {
                String path = "kefu-plugin/" + PARTNER_ID + "/" + d;
                out.putNextEntry(new JarEntry(path));
                try (InputStream in = loader.getResourceAsStream(path)) {
                    in.transferTo(out);
                }
            }
        }
    }
}
