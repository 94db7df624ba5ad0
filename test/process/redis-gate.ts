// A TCP proxy in front of the test Redis that can hold or cut traffic: Redis that is slow, or gone for a while.
import net from "node:net";

export interface RedisGate {
  url: string;
  /** Holds every byte in both directions until `open()`: Redis is there but does not answer. */
  hold(): void;
  /** Drops every connection and every new one until `open()`: Redis is down. */
  cut(): void;
  /** Passes traffic again (and what was held). */
  open(): void;
  close(): Promise<void>;
}

export async function startRedisGate(
  upstreamUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
): Promise<RedisGate> {
  const upstream = new URL(upstreamUrl);
  let mode: "pass" | "hold" | "cut" = "pass";
  const held: (() => void)[] = [];
  const sockets = new Set<net.Socket>();

  const relay = (from: net.Socket, to: net.Socket) => {
    from.on("data", (chunk) => {
      if (mode === "hold") held.push(() => to.write(chunk));
      else to.write(chunk);
    });
    from.on("close", () => {
      sockets.delete(from);
      to.destroy();
    });
    from.on("error", () => to.destroy());
  };

  const server = net.createServer((client) => {
    if (mode === "cut") {
      client.destroy();
      return;
    }
    const redis = net.connect(Number(upstream.port || 6379), upstream.hostname);
    sockets.add(client).add(redis);
    relay(client, redis);
    relay(redis, client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;

  return {
    url: `redis://127.0.0.1:${port}`,
    hold() {
      mode = "hold";
    },
    cut() {
      mode = "cut";
      held.length = 0;
      for (const s of sockets) s.destroy();
    },
    open() {
      mode = "pass";
      for (const write of held.splice(0)) write();
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
