package io.kefu.platform.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Packs compiled test classes into a plugin JAR, as a partner's build would. */
final class PluginJars {

    private PluginJars() {
    }

    static Path jar(Path dir, String name, Map<String, String> resources, Class<?>... providers) throws IOException {
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            StringBuilder services = new StringBuilder();
            for (Class<?> c : providers) {
                String path = c.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(path));
                try (var in = c.getClassLoader().getResourceAsStream(path)) {
                    in.transferTo(out);
                }
                services.append(c.getName()).append('\n');
            }
            put(out, "META-INF/services/io.kefu.plugin.api.KefuPlugin", services.toString());
            for (Map.Entry<String, String> r : resources.entrySet()) {
                put(out, r.getKey(), r.getValue());
            }
        }
        return jar;
    }

    private static void put(JarOutputStream out, String path, String text) throws IOException {
        out.putNextEntry(new JarEntry(path));
        OutputStream o = out;
        o.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
