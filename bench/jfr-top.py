#!/usr/bin/env python3
"""Where the server's CPU samples go, per REST operation, from a Java Flight Recorder file.

Usage: bench/jfr-top.py recording.jfr [top [since [until]]]   (since/until: HH:MM:SS, the server's clock)

Reads `jfr print --events jdk.ExecutionSample` and sorts each sample into the request it served
(the first resource method on its stack: TicketsResource.list, .one, .create, MeResource.me, ...).
Per request kind it prints the share of samples that pass through each "marker" frame (inclusive:
JSON-P provider lookups, EclipseLink client sessions, ...) and the hottest self frames.
"""
import collections
import re
import subprocess
import sys

MARKERS = [
    ("JsonProvider.provider (ServiceLoader lookup)", "jakarta.json.spi.JsonProvider.provider"),
    ("EclipseLink per-tenant descriptor set-up", "updateTablePerTenantDescriptors"),
    ("EclipseLink client session acquire", "acquireClientSession"),
    ("JPQL query execution", "org.eclipse.persistence.internal.jpa.QueryImpl.executeReadQuery"),
    ("JPQL parse/compile", "org.eclipse.persistence.internal.jpa.jpql"),
    ("JDBC (PostgreSQL driver)", "org.postgresql."),
    ("JTA begin/commit", "com.sun.enterprise.transaction.JavaEETransactionManagerSimplified"),
    ("security (authentication mechanism)", "io.kefu.platform.security.KefuAuthenticationMechanism"),
    ("API token check", "io.kefu.platform.token.ApiTokens.authenticate"),
    ("forms (FormDefinitions)", "io.kefu.platform.form.FormDefinitions"),
    ("SLA member (TicketSlaView)", "io.kefu.platform.sla.TicketSlaView"),
    ("SLA on create (SlaClocks.on)", "io.kefu.platform.sla.SlaClocks.on"),
    ("ticket JSON (TicketJson)", "io.kefu.platform.ticket.TicketJson"),
    ("JSON writing (Jersey/Parsson)", "org.eclipse.parsson.JsonGenerator"),
    ("audit log", "io.kefu.platform.audit.AuditLog"),
    ("plugin hooks", "io.kefu.platform.plugin.PluginHooks"),
    ("Weld/CDI proxies and interceptors", "org.jboss.weld."),
    ("Jersey", "org.glassfish.jersey."),
    ("Grizzly HTTP", "org.glassfish.grizzly."),
]


def request_kind(frames):
    # Outermost resource method: scan from the bottom of the stack.
    for f in reversed(frames):
        m = re.match(r"io\.kefu\.[\w.]+\.(\w+Resource)(?:\$[\w$]*)?\.(\w+)\(", f)
        if m:
            return m.group(1) + "." + m.group(2)
    for f in reversed(frames):
        if "KefuAuthenticationMechanism" in f:
            return "(authentication, before the resource)"
    for f in frames:
        if "org.glassfish.grizzly" in f or "org.glassfish.jersey" in f or "org.apache.catalina" in f:
            return "(HTTP/JAX-RS outside a resource)"
    return "(not a request)"


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    since = sys.argv[3] if len(sys.argv) > 3 else "00:00:00"
    until = sys.argv[4] if len(sys.argv) > 4 else "99:99:99"
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "1000", path],
                         capture_output=True, text=True, check=True).stdout
    samples = []
    frames = None
    at = "00:00:00"
    for line in out.splitlines():
        s = line.strip()
        if s.startswith("startTime = "):
            at = s.split("=", 1)[1].strip()[:8]
        elif s.startswith("stackTrace = [") and since <= at <= until:
            frames = []
        elif frames is not None:
            if s == "]" or s.startswith("]"):
                samples.append(frames)
                frames = None
            elif s and s != "...":
                frames.append(re.sub(r"\s+line:.*$", "", s))
    kinds = collections.defaultdict(list)
    for f in samples:
        kinds[request_kind(f)].append(f)
    print(f"{len(samples)} samples in {path}")
    for kind, fs in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
        n = len(fs)
        print(f"\n== {kind}: {n} samples ({100.0 * n / len(samples):.0f} % of all)")
        for label, needle in MARKERS:
            k = sum(1 for f in fs if any(needle in x for x in f))
            if k:
                print(f"  {100.0 * k / n:5.1f} %  {label}")
        self_top = collections.Counter(f[0] for f in fs if f)
        print("  hottest self frames:")
        for frame, k in self_top.most_common(top // 2):
            print(f"  {100.0 * k / n:5.1f} %  {frame}")
        # Hottest Kefu frame on each stack (the innermost io.kefu frame): where in Kefu's code.
        kefu = collections.Counter(next((x for x in f if x.startswith("io.kefu.")), "(no Kefu frame)") for f in fs)
        print("  innermost Kefu frame:")
        for frame, k in kefu.most_common(top // 2):
            print(f"  {100.0 * k / n:5.1f} %  {frame}")


if __name__ == "__main__":
    main()
