// The chat path's short reads (a message's identity, a status view's facts) on a few connections of their own in
// pg's pipeline mode: every read asked for in one turn of the event loop leaves in one socket write, without waiting
// for the one before it to be answered, and their answers come back together. Why: on the pool each statement was a
// `writev` of its own, and those system calls were 12% of the bot's CPU on a status look-up (bench:chat).
// Only short reads: a connection answers its statements in order, so a long or locking one would hold the others.
import pg from "pg";

export interface PipelinedReads {
  query(config: pg.QueryConfig): Promise<pg.QueryResult>;
  end(): Promise<void>;
}

interface Slot {
  client: pg.Client;
  ready: Promise<pg.Client>;
  pending: number;
  corked: boolean;
}

export function pipelinedReads(clientConfig: pg.ClientConfig, connections: number): PipelinedReads {
  const slots: (Slot | undefined)[] = Array.from({ length: connections }, () => undefined);
  let ended = false;

  // A connection that fails or closes (a server restart) is forgotten; its statements fail as a pooled one's would,
  // and the next read opens another.
  function open(i: number): Slot {
    const client = new pg.Client({ ...clientConfig, pipeline: true });
    const slot: Slot = { client, ready: client.connect().then(() => client), pending: 0, corked: false };
    const forget = () => {
      if (slots[i] === slot) slots[i] = undefined;
    };
    client.on("error", forget);
    client.on("end", forget);
    slot.ready.catch(forget);
    slots[i] = slot;
    return slot;
  }

  /** The connection with the fewest reads waiting, opening the next one while some are not open yet. */
  function pick(): Slot {
    let best: Slot | undefined;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      if (!slot) return open(i);
      if (!best || slot.pending < best.pending) best = slot;
    }
    return best as Slot;
  }

  /** Holds the connection's writes until the event loop's turn is over, then sends them as one. */
  function cork(slot: Slot) {
    if (slot.corked) return;
    const stream = (
      slot.client as unknown as { connection: { stream: NodeJS.WritableStream & { cork(): void; uncork(): void } } }
    ).connection.stream;
    slot.corked = true;
    stream.cork();
    setImmediate(() => {
      slot.corked = false;
      stream.uncork();
    });
  }

  return {
    async query(config) {
      if (ended) throw new Error("the pipelined reads were ended");
      const slot = pick();
      slot.pending++;
      try {
        const client = await slot.ready;
        cork(slot);
        return await client.query(config);
      } finally {
        slot.pending--;
      }
    },
    async end() {
      ended = true;
      await Promise.all(slots.map((slot) => slot?.ready.then((client) => client.end()).catch(() => undefined)));
    },
  };
}
