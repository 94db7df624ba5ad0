// The delivery worker's own reads and writes of a row, straight through pg, do what Prisma's did: the row with its
// chat field for field (times included, in a process on Shanghai time), one claim per row, SENT written once.
import { describe, expect, it } from "vitest";
import { createOutboxRows } from "../../../workers/delivery/outbox-rows.ts";
import { processZone } from "../../helpers/process-zone.ts";
import { createTestApp } from "../../helpers/test-app.ts";

const app = await createTestApp();
const { db } = app.deps;
const rows = createOutboxRows(db, new Map());
const inZone = processZone();

describe("outbox rows", () => {
  it("read, claim and mark sent a row as Prisma would", async () => {
    inZone("Asia/Shanghai");
    const member = await db.member.findFirstOrThrow();
    const identity = await db.chatIdentity.create({
      data: {
        platform: "TELEGRAM",
        externalUserId: "outbox-rows-1",
        chatId: "-100123",
        locale: "en",
        memberId: member.id,
        boundAt: new Date("2026-11-17T16:30:00.123Z"),
        lastSeenAt: new Date("2026-11-18T01:00:00.5Z"),
      },
    });
    const row = await db.outboxMessage.create({
      data: {
        identityId: identity.id,
        messageKey: "transfers-member-step-done",
        args: { org: "华南理工大学团委", n: 3 },
        buttons: [[{ labelKey: "transfers-button-progress", payload: "go:transfer.status" }]],
        urgent: true,
        dedupeKey: "outbox-rows:1",
        status: "QUEUED",
        notBefore: new Date("2026-11-18T00:59:59.999Z"),
        lastError: "earlier try",
        createdAt: new Date("2026-11-17T23:00:00Z"),
      },
    });
    const read = await rows.read(row.id);
    expect(read).toEqual(await db.outboxMessage.findUnique({ where: { id: row.id }, include: { identity: true } }));
    expect(typeof read!.id).toBe("bigint");
    expect(await rows.read(row.id + 1_000_000n)).toBeNull();

    // The claim's moment names it: whatever the worker's clock says, the row keeps it.
    const began = new Date("2026-11-18T02:00:00.123Z");
    const claim = await rows.claim(row.id, began);
    expect(claim).toEqual({ attempts: 1, sendBeganAt: began });
    expect(await rows.claim(row.id, new Date(began.getTime() + 1))).toBeNull();
    const claimed = await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(claimed).toMatchObject({ status: "SENDING", attempts: 1, sendBeganAt: claim!.sendBeganAt });

    const at = new Date("2026-11-18T02:00:00.250Z");
    await rows.sent(row.id, row.messageKey, at);
    await rows.sent(row.id, row.messageKey, new Date("2026-11-18T03:00:00Z"));
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "SENT",
      sentAt: at,
      lastError: null,
    });
  });
});
