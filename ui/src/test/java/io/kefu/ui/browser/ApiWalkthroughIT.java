package io.kefu.ui.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs every {@code sh} block of docs/api.md, in order, against the running bundle, so the
 * walk-through a new integrator copies from is known to work.
 */
class ApiWalkthroughIT {

    private static final Path DOC = Path.of("..", "docs", "api.md");

    @Test
    void theApiWalkthroughWorksAsWritten() throws Exception {
        for (String tool : List.of("/usr/bin/curl", "/usr/bin/jq")) {
            if (!Files.isExecutable(Path.of(tool))) {
                String why = "API WALK-THROUGH SKIPPED: " + tool + " is missing (.ci/run installs curl and jq)";
                System.err.println("\n*** " + why + " ***\n");
                Assumptions.abort(why);
            }
        }
        List<String> blocks = shBlocks(Files.readString(DOC, StandardCharsets.UTF_8));
        assertTrue(blocks.size() >= 8, "docs/api.md lost its walk-through: " + blocks.size() + " blocks");
        // The demo Kefu the browser test classes share: the walk-through works in the demo tenant with
        // its own customer, ticket, form, calendar and token.
        RunningKefu kefu = RunningKefu.shared();
        Path script = Files.createTempFile(Path.of("target"), "api-walkthrough", ".sh");
        Files.writeString(script, "set -euo pipefail\nset -x\n" + String.join("\n", blocks) + "\n", StandardCharsets.UTF_8);
        Path log = Path.of("target", "api-walkthrough.log");
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("KEFU", kefu.baseUrl);
        Process p = pb.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "walk-through hung; see " + log);
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), "docs/api.md failed against the running bundle:\n" + out);
        assertTrue(out.contains("ARCHIVED"), out);
    }

    static List<String> shBlocks(String markdown) {
        Matcher m = Pattern.compile("(?ms)^```sh\\n(.*?)^```").matcher(markdown);
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}
