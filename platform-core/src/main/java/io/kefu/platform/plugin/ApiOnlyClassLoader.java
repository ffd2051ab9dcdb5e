package io.kefu.platform.plugin;

/**
 * The parent of every folder plugin's class loader: it answers with the JDK (through the platform
 * class loader) and with the plugin API's own classes (through the application, so plugin and
 * host share one {@code KefuPlugin} type), and with nothing else. A plugin asking for a platform
 * class gets {@link ClassNotFoundException}: it cannot reach the host's internals, and its own
 * libraries never clash with the application's.
 */
final class ApiOnlyClassLoader extends ClassLoader {

    static final String API_PACKAGE = "io.kefu.plugin.api.";

    private final ClassLoader application;

    ApiOnlyClassLoader(ClassLoader application) {
        super("kefu-plugin-api", ClassLoader.getPlatformClassLoader());
        this.application = application;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (name.startsWith(API_PACKAGE)) {
            return application.loadClass(name);
        }
        throw new ClassNotFoundException(name + " is not visible to plugins: they see only the JDK and " + API_PACKAGE + "*");
    }
}
