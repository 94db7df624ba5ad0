// A TCP proxy a fault test puts between the app and a shared service (PostgreSQL, Redis) so that it can take the
// service away from the app alone: `cut()` drops every connection and refuses new ones until `open()`.
import net from "node:net";

export interface TcpGate {
  port: number;
  /** `url` with its host and port replaced by the gate's. */
  via(url: string): string;
  cut(): void;
  open(): void;
  close(): Promise<void>;
}

export async function startTcpGate(upstreamUrl: string): Promise<TcpGate> {
  const upstream = new URL(upstreamUrl);
  const upstreamPort = Number(upstream.port) || (upstream.protocol.startsWith("redis") ? 6379 : 5432);
  let cut = false;
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    if (cut) {
      client.destroy();
      return;
    }
    const service = net.connect(upstreamPort, upstream.hostname);
    for (const [from, to] of [
      [client, service],
      [service, client],
    ] as const) {
      sockets.add(from);
      from.pipe(to);
      from.on("close", () => {
        sockets.delete(from);
        to.destroy();
      });
      from.on("error", () => to.destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;

  return {
    port,
    via(url) {
      const u = new URL(url);
      u.hostname = "127.0.0.1";
      u.port = String(port);
      return u.toString();
    },
    cut() {
      cut = true;
      for (const s of sockets) s.destroy();
    },
    open() {
      cut = false;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
