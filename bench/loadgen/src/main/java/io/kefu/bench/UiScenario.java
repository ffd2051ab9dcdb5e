package io.kefu.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;

/**
 * Agent workspace sessions (issue 7): how much server memory one logged-in agent costs with the
 * queue open in one tab and a ticket in another, and how long the server takes to open a ticket
 * and to post a reply while many agents work at once.
 *
 * <p>Agents are {@link VaadinTab}s speaking Vaadin's client protocol, not browsers, so that
 * hundreds fit on the machine that also runs the server. Memory is the server's live heap after
 * a full GC (jcmd), before and after the agents log in, divided by their number. The baseline
 * for the round trips is Vaadin's heartbeat from the same tabs in the same run: the smallest
 * request through the same servlet, session lock and UI lookup, with no view work.
 */
final class UiScenario {

    private final Options o;
    private final String base;
    private final long pid;
    private final String tenant = "uib" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private final String password = "bench-agent-1";
    private final List<Agent> agents = new ArrayList<>();
    private final List<String> numbers = new ArrayList<>();

    UiScenario(Options o) {
        this.o = o;
        this.base = o.require("url");
        this.pid = Long.parseLong(o.require("pid"));
        // Thinking time between an agent's actions, in ms ("min-max"): 1000-3000 is a stress pace
        // (an action every two seconds, all day), longer ones what agents at work do.
        String[] think = o.get("think", "1000-3000").split("-");
        this.thinkMin = Integer.parseInt(think[0].trim());
        this.thinkMax = Integer.parseInt(think[1].trim());
        // push=false: tabs without the push channel (to measure what the channel itself costs).
        this.live = new VaadinTab.Live(poller, polls::add, pollErrors, pushes, Boolean.parseBoolean(o.get("push", "true")));
        if (thinkMin < 0 || thinkMax < thinkMin) {
            throw new IllegalArgumentException("think=min-max in milliseconds, min <= max: " + o.get("think", ""));
        }
    }

    private final int thinkMin;
    private final int thinkMax;

    /** The polls the tabs make at the server's request (live refreshes), since the last drain. */
    private final Recorder polls = new Recorder();
    private final AtomicLong pollErrors = new AtomicLong();
    private final AtomicLong pushes = new AtomicLong();
    private final ScheduledExecutorService poller = Executors.newScheduledThreadPool(16, r -> {
        Thread t = new Thread(r, "tab-poller");
        t.setDaemon(true);
        return t;
    });
    private final VaadinTab.Live live;

    /** Latencies recorded from many threads, read and reset once per round. */
    private static final class Recorder {
        private long[] micros = new long[1024];
        private int n;

        synchronized void add(long nanos) {
            if (n == micros.length) {
                micros = Arrays.copyOf(micros, n * 2);
            }
            micros[n++] = nanos / 1000;
        }

        synchronized long[] drain() {
            long[] out = Arrays.copyOf(micros, n);
            n = 0;
            return out;
        }
    }

    /** One agent: a session with the queue in one tab and a ticket in the other. */
    private record Agent(String username, HttpClient browser, VaadinTab queue, VaadinTab ticket) {
    }

    String run() throws Exception {
        int[] levels = Arrays.stream(o.get("agents", "50,100,200").split(",")).mapToInt(Integer::parseInt).toArray();
        int tickets = o.getInt("tickets", 500);
        double seconds = o.getDouble("seconds", 60);
        setUp(levels[levels.length - 1], tickets);

        long heapBefore = liveHeapBytes();
        System.err.printf("[bench] ui: live heap before logins %.1f MB%n", heapBefore / 1e6);
        StringBuilder md = new StringBuilder();
        String title = o.get("title", "");
        String plots = o.get("plots", "ui");
        md.append("## Agent workspace sessions").append(title.isEmpty() ? "" : ": " + title).append("\n\n");
        md.append("Each agent logs in, then keeps two tabs: the queues and a ticket opened from them. Agents are\n")
          .append("clients of Vaadin's own protocol (`bench/loadgen` `VaadinTab`), not browsers. Memory: the server's live\n")
          .append("heap after a full GC, minus the same before any agent logged in, per agent. Round trips: each agent\n")
          .append("in turn opens another ticket (a navigation) and posts a reply, with ").append(thinkMin / 1000.0).append("–")
          .append(thinkMax / 1000.0).append(" s of thinking between\n")
          .append("actions, for ").append((int) seconds).append(" s; the baseline is Vaadin's heartbeat from the same tabs in the\n")
          .append("same run. Tenant `").append(tenant).append("` with ").append(tickets).append(" tickets.\n")
          .append("Tabs stay live as in a browser: each holds a push channel (WebSocket) and polls when the server asks\n")
          .append("(the queues refresh on the poll after a change); the polls' round trips are a column of their own.\n")
          .append("Memory is taken twice: once all agents have opened their tabs, and again after the working round.\n\n");
        md.append("| agents | heap per agent (logged in / after the round) | open ticket median / p99 | reply median / p99 | live poll median / p99 | heartbeat (baseline) median / p99 | actions/s | polls/s | pushes/s | errors |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        List<String> xs = new ArrayList<>();
        double[] perAgentKb = new double[levels.length];
        double[] openMedian = new double[levels.length];
        double[] replyMedian = new double[levels.length];
        double[] beatMedian = new double[levels.length];
        double[] pollMedian = new double[levels.length];
        for (int li = 0; li < levels.length; li++) {
            int level = levels[li];
            logInUpTo(level);
            long heap = liveHeapBytes();
            double perAgent = (heap - heapBefore) / (double) level;
            polls.drain();
            long pushed0 = pushes.get();
            long pollErrors0 = pollErrors.get();
            Round round = work(seconds);
            long[] pollMicros = polls.drain();
            Stats poll = new Stats("live poll", pollMicros.length, pollErrors.get() - pollErrors0, seconds, pollMicros, 0);
            double pushRate = (pushes.get() - pushed0) / seconds;
            // Again after the round: each tab's last answer (which Vaadin keeps to resend) is then an
            // everyday one, not the page it was opened with.
            double perAgentAfter = (liveHeapBytes() - heapBefore) / (double) level;
            xs.add(Integer.toString(level));
            perAgentKb[li] = perAgent / 1024;
            openMedian[li] = round.open.percentileMillis(50);
            replyMedian[li] = round.reply.percentileMillis(50);
            beatMedian[li] = round.heartbeat.percentileMillis(50);
            pollMedian[li] = poll.percentileMillis(50);
            md.append(String.format("| %d | %.0f / %.0f KB | %.1f / %.1f ms | %.1f / %.1f ms | %.1f / %.1f ms | %.1f / %.1f ms | %.1f | %.1f | %.1f | %d |%n", level,
                    perAgent / 1024, perAgentAfter / 1024, openMedian[li], round.open.percentileMillis(99), replyMedian[li],
                    round.reply.percentileMillis(99), pollMedian[li], poll.percentileMillis(99), beatMedian[li],
                    round.heartbeat.percentileMillis(99), (round.open.requests() + round.reply.requests()) / seconds,
                    poll.throughput(), pushRate, round.open.errors() + round.reply.errors() + round.heartbeat.errors() + poll.errors()));
            System.err.printf("[bench] ui: %d agents, %.0f KB each (%.0f KB after the round), open %.1f ms, reply %.1f ms, poll %.1f ms (%.1f/s), heartbeat %.1f ms (medians), %.1f pushes/s%n",
                    level, perAgent / 1024, perAgentAfter / 1024, openMedian[li], replyMedian[li], pollMedian[li], poll.throughput(), beatMedian[li], pushRate);
        }
        md.append("\nGoal (issue 7): under 1 MB per session and a median round trip under 50 ms with 200 agents on one node.\n");
        Path docs = Path.of(o.get("docs", "docs"));
        new Plot("Agent sessions: server heap per agent", "agents logged in", "KB per agent", xs)
                .series("heap per agent", perAgentKb, false).write(docs.resolve("bench/" + plots + "-memory.png"));
        new Plot("Agent sessions: median round trip", "agents logged in", "median (ms)", xs)
                .series("open ticket", openMedian, false).series("reply", replyMedian, false).series("live poll", pollMedian, false)
                .series("heartbeat (baseline)", beatMedian, true).write(docs.resolve("bench/" + plots + "-latency.png"));
        md.append("\n![heap per agent](bench/").append(plots).append("-memory.png)\n![round trips](bench/").append(plots)
          .append("-latency.png)\n\n");
        for (Agent a : agents) {
            a.queue.close();
            a.ticket.close();
        }
        poller.shutdownNow();
        return md.toString();
    }

    /** A tenant, its agents and tickets, through the REST API. */
    private void setUp(int agentCount, int tickets) throws IOException, InterruptedException {
        KefuClient operator = KefuClient.operator(base, o.require("operator-password"));
        operator.provisionTenant(tenant, "express", "bench-admin-1");
        KefuClient admin = KefuClient.bearer(base, KefuClient.issueToken(base, tenant, "admin", "bench-admin-1"));
        for (int i = 1; i <= agentCount; i++) {
            admin.send("POST", "/api/v1/users", Json.createObjectBuilder().add("username", agentName(i)).add("password", password)
                    .add("role", "AGENT").add("displayName", "坐席 " + i).build().toString(), 201);
        }
        Random r = new Random(7);
        for (int i = 0; i < tickets; i++) {
            String subject = (r.nextBoolean() ? TicketData.SUBJECTS_ZH[r.nextInt(TicketData.SUBJECTS_ZH.length)]
                    : TicketData.SUBJECTS_EN[r.nextInt(TicketData.SUBJECTS_EN.length)]) + " #" + i;
            numbers.add(admin.createTicket(Json.createObjectBuilder().add("kind", TicketData.KINDS[r.nextInt(3)])
                    .add("subject", subject).add("priority", TicketData.PRIORITIES[r.nextInt(4)]).add("channel", "PHONE")
                    .add("description", "压测工单 bench ticket " + i).build().toString()));
        }
        System.err.printf("[bench] ui: tenant %s with %d agents and %d tickets%n", tenant, agentCount, tickets);
    }

    private static String agentName(int i) {
        return String.format("agent%03d", i);
    }

    /** Logs in agents (8 at a time) until {@code level} are in. */
    private void logInUpTo(int level) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Agent>> coming = new ArrayList<>();
            for (int i = agents.size() + 1; i <= level; i++) {
                int n = i;
                coming.add(pool.submit(() -> logIn(n)));
            }
            for (Future<Agent> f : coming) {
                agents.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    private Agent logIn(int n) throws IOException, InterruptedException {
        HttpClient browser = VaadinTab.browser();
        VaadinTab login = VaadinTab.open(browser, base, "login");
        login.type("tenant", tenant);
        login.type("username", agentName(n));
        login.type("password", password);
        login.click("login-button");
        login.close();
        String queues = o.get("queue-location", "queues");
        VaadinTab queue = VaadinTab.open(browser, base, queues, live);
        queue.answerScripts();
        if (!queue.has("header-user")) {
            // The layout shows the user's name only to someone logged in; anyone else gets the login form.
            throw new IllegalStateException(agentName(n) + " is not logged in after the login form");
        }
        VaadinTab ticket = VaadinTab.open(browser, base, queues, live);
        ticket.answerScripts();
        ticket.navigate("tickets/" + numbers.get(n % numbers.size()));
        ticket.answerScripts();
        return new Agent(agentName(n), browser, queue, ticket);
    }

    private record Round(Stats open, Stats reply, Stats heartbeat) {
    }

    /** Every agent works for {@code seconds}; returns the latencies of each kind of action. */
    private Round work(double seconds) throws InterruptedException {
        // The ticket view's ids: the reply mode button, the composer and its send button.
        String replyMode = o.get("reply-mode", "mode-reply");
        String editor = o.get("reply-editor", "composer");
        String send = o.get("reply-send", "send");
        long[][] open = new long[agents.size()][];
        long[][] reply = new long[agents.size()][];
        long[][] beat = new long[agents.size()][];
        AtomicLong openErrors = new AtomicLong();
        AtomicLong replyErrors = new AtomicLong();
        AtomicLong beatErrors = new AtomicLong();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        double cpu0 = Stats.machineCpuSeconds();
        List<Thread> threads = new ArrayList<>();
        for (int ai = 0; ai < agents.size(); ai++) {
            int index = ai;
            Agent a = agents.get(ai);
            Thread t = new Thread(() -> {
                Random r = new Random(31L * index + 1);
                long[] o1 = new long[256];
                long[] o2 = new long[256];
                long[] o3 = new long[256];
                int n1 = 0;
                int n2 = 0;
                int n3 = 0;
                try {
                    // Agents do not start in step.
                    Thread.sleep(r.nextInt(3000));
                    while (System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        try {
                            a.ticket.navigate("tickets/" + numbers.get(r.nextInt(numbers.size())));
                            o1 = put(o1, n1++, System.nanoTime() - t0);
                            a.ticket.answerScripts();
                        } catch (IOException | RuntimeException e) {
                            openErrors.incrementAndGet();
                        }
                        Thread.sleep(thinkMin + r.nextInt(thinkMax - thinkMin + 1));
                        t0 = System.nanoTime();
                        try {
                            if (a.ticket.has(replyMode)) {
                                a.ticket.click(replyMode);
                            }
                            a.ticket.type(editor, "已联系快递员，今天下午送达。Courier contacted, delivery this afternoon.");
                            a.ticket.click(send);
                            o2 = put(o2, n2++, System.nanoTime() - t0);
                        } catch (IOException | RuntimeException e) {
                            replyErrors.incrementAndGet();
                        }
                        t0 = System.nanoTime();
                        try {
                            a.queue.heartbeat();
                            o3 = put(o3, n3++, System.nanoTime() - t0);
                        } catch (IOException | RuntimeException e) {
                            beatErrors.incrementAndGet();
                        }
                        Thread.sleep(thinkMin + r.nextInt(thinkMax - thinkMin + 1));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                open[index] = Arrays.copyOf(o1, n1);
                reply[index] = Arrays.copyOf(o2, n2);
                beat[index] = Arrays.copyOf(o3, n3);
            });
            t.setName("agent-" + index);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double cpu = Stats.machineCpuSeconds() - cpu0;
        return new Round(stats("open ticket", open, openErrors.get(), seconds, cpu),
                stats("reply", reply, replyErrors.get(), seconds, cpu),
                stats("heartbeat", beat, beatErrors.get(), seconds, cpu));
    }

    private static long[] put(long[] into, int at, long nanos) {
        long[] a = at < into.length ? into : Arrays.copyOf(into, into.length * 2);
        a[at] = nanos / 1000;
        return a;
    }

    private static Stats stats(String name, long[][] perAgent, long errors, double seconds, double cpu) {
        long[] all = Arrays.stream(perAgent).flatMapToLong(Arrays::stream).toArray();
        return new Stats(name, all.length, errors, seconds, all, cpu);
    }

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    /** The server's heap in use after a full collection, read with jcmd. */
    private long liveHeapBytes() throws IOException, InterruptedException {
        jcmd("GC.run");
        Thread.sleep(500);
        jcmd("GC.run");
        Thread.sleep(500);
        String info = jcmd("GC.heap_info");
        Matcher m = USED.matcher(info);
        if (!m.find()) {
            throw new IOException("no heap figure in jcmd's answer: " + info);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("jcmd " + command + " failed: " + out);
        }
        return out;
    }
}
