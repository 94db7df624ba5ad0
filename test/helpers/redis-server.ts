// A redis-server of the test's own on a free port, which the test may stop, start again and flush: never the
// machine's shared Redis (the fault tests' and `npm run bench:faults`' too). No persistence, so a restart comes back empty, like a Redis that lost its data.
import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import { Redis } from "ioredis";

export interface OwnRedis {
  url: string;
  /** Kills the server (SIGKILL): connections drop, new ones are refused. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
  flushAll(): Promise<void>;
  close(): Promise<void>;
}

// Whatever happens to the run (a test timing out), no redis-server of ours outlives this process.
const servers = new Set<ChildProcess>();
process.once("exit", () => {
  for (const server of servers) server.kill("SIGKILL");
});

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;

  async function start() {
    child = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "warning"],
      { stdio: "ignore" },
    );
    const spawned = child;
    servers.add(spawned);
    spawned.once("exit", () => servers.delete(spawned));
    const deadline = Date.now() + 10_000;
    for (;;) {
      const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on("error", () => undefined);
      try {
        await probe.connect();
        if ((await probe.ping()) === "PONG") return;
      } catch {
        if (Date.now() > deadline) throw new Error(`redis-server on ${port} did not start`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      } finally {
        probe.disconnect();
      }
    }
  }

  async function stop() {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGKILL");
    await exited;
  }

  await start();
  return {
    url,
    start,
    stop,
    async flushAll() {
      const client = new Redis(url);
      await client.flushall();
      client.disconnect();
    },
    close: stop,
  };
}
