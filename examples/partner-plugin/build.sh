#!/usr/bin/env bash
# Builds this partner plugin outside Kefu's reactor, as a partner would, against the Kefu
# checkout it sits in:
#  1. publishes Kefu's SDK artifacts (plugin API, test kit and what the kit runs) from this
#     checkout into ../../target/kefu-repo, a Maven repository folder; that build, too, uses a
#     private local repository (../../target/kefu-sdk-m2), so nothing is written to ~/.m2;
#  2. builds the plugin with a private local repository (target/m2): Kefu's artifacts come
#     from that folder, everything else from the shared ~/.m2 cache read as a repository (or
#     Maven Central), so the shared cache is never written to;
#  3. `verify` runs Kefu's contract tests on the plugin and ReturnsPluginIT, which starts Kefu
#     (../../ui/target/ROOT-microbundle.jar, built when missing) with the plugin's JAR in its
#     plugins folder.
# Set KEFU_TEST_PG_URL to also check the plugin's changelog on PostgreSQL.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if [ "${SKIP_KEFU_SDK:-}" != "1" ]; then
  echo "Publishing Kefu's plugin SDK to $root/target/kefu-repo ..."
  (cd "$root" && mvn -B -q -DskipTests -Dmaven.install.skip=true -Dmaven.repo.local="$root/target/kefu-sdk-m2" \
      -s "$root/examples/partner-plugin/settings.xml" \
      -DaltDeploymentRepository="kefu-sdk::file://$root/target/kefu-repo" \
      -pl plugins/plugin-testkit -am deploy)
fi
if [ ! -f "$root/ui/target/ROOT-microbundle.jar" ]; then
  echo "Building the Kefu bundle the integration test runs ..."
  (cd "$root" && mvn -B -q -o -DskipTests -DskipITs -pl ui -am package)
fi

cd "$here"
mvn -B -q -s "$here/settings.xml" -Dmaven.repo.local="$here/target/m2" "${@:-verify}"
