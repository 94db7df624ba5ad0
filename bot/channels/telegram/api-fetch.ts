// grammY's calls to the Bot API through undici's `request` on kept-alive connections, instead of its default
// node-fetch over Node's HTTP client: those two cost about a tenth of the bot's CPU on a status look-up, more than
// the look-up's own code (bench:chat). grammY reads nothing of the answer but its JSON body, which the Bot API sends
// whatever the status (its errors and "retry after" included).
import type { Readable } from "node:stream";
import { Agent, request } from "undici";

export function apiFetch(): typeof fetch {
  // One agent for the process: a connection pool per API root, idle sockets not keeping the process alive.
  const dispatcher = new Agent({ keepAliveTimeout: 30_000 });
  const call = async (url: string | URL | Request, init: RequestInit = {}) => {
    const { body } = await request(String(url), {
      dispatcher,
      method: (init.method ?? "GET") as "GET",
      headers: init.headers as Record<string, string> | undefined,
      // A JSON text, or the multipart stream of an upload (grammY makes it a Node stream).
      body: init.body as string | Readable | undefined,
      signal: init.signal ?? undefined,
    });
    return { json: () => body.json() };
  };
  return call as unknown as typeof fetch;
}
