package io.kefu.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point of the load generator; bench/run.sh calls it once per scenario and collects the
 * Markdown it writes to the file named by {@code out=}.
 *
 * <pre>
 * java -jar kefu-bench.jar rest       url=... operator-password=... jdbc=... out=... [sizes=10000,100000,1000000 clients=8 seconds=10]
 * java -jar kefu-bench.jar provision  url=... operator-password=... jdbc=... out=... [provision=10,30,100]
 * java -jar kefu-bench.jar upgrade    jdbc=... out=... [upgrade=10,100,1000]
 * java -jar kefu-bench.jar ui         url=... operator-password=... pid=<server pid> out=... [agents=50,100,200 tickets=500 seconds=60
 *                                     reply-mode=<id> reply-editor=<id> reply-send=<id> queue-location=queues]
 * java -jar kefu-bench.jar sla        url=... operator-password=... jdbc=... log=<server log> out=... [reeval=10000,30000,100000
 *                                     sweep=10x1000,100x1000,1000x1000 burst=10x1000,100x1000]
 * java -jar kefu-bench.jar startup    jdbc=<an empty database> out=... [tenants=10,100,1000 bundle=ui/target/ROOT-microbundle.jar]
 * java -jar kefu-bench.jar generate   url=... operator-password=... jdbc=... out=... [tenants=5 tickets=10000 seed=42 prefix=gen]
 * </pre>
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        if (args.length == 0) {
            System.err.println("usage: kefu-bench rest|provision|upgrade|ui|sla|startup|generate key=value...");
            System.exit(2);
        }
        Options o = new Options(args, 1);
        String md = switch (args[0]) {
            case "rest" -> new RestScenario(o).run();
            case "provision" -> new TenantsScenario(o).provisioning();
            case "upgrade" -> new TenantsScenario(o).upgrades();
            case "ui" -> new UiScenario(o).run();
            case "sla" -> new SlaScenario(o).run();
            case "startup" -> new StartupScenario(o).run();
            case "generate" -> new GenerateScenario(o).run();
            default -> throw new IllegalArgumentException("unknown scenario " + args[0]);
        };
        Path out = Path.of(o.require("out"));
        Files.writeString(out, md, StandardCharsets.UTF_8);
        System.err.println("[bench] wrote " + out);
    }
}
