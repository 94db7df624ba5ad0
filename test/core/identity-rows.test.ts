// Everyone who writes in the same moment is found in one statement, and each comes back as Prisma reads them.
import pg from "pg";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { identityRows } from "../../bot/core/identity-rows.ts";
import { createDb } from "../../bot/infra/db.ts";
import { chatAs } from "../helpers/chat.ts";
import { processZone } from "../helpers/process-zone.ts";
import { createTestApp } from "../helpers/test-app.ts";

const app = await createTestApp();
const { db } = app.deps;
const inZone = processZone();
const viaPrisma = (platform: "TELEGRAM" | "WECHAT", externalUserId: string) =>
  db.chatIdentity.findUnique({
    where: { platform_externalUserId: { platform, externalUserId } },
    include: { member: true },
  });

beforeAll(async () => {
  const members = await db.member.findMany({ take: 2, orderBy: { id: "asc" } });
  for (const [i, member] of [members[0], members[1], undefined].entries()) {
    await db.chatIdentity.create({
      data: {
        platform: "TELEGRAM",
        externalUserId: `tg-identity-${i}`,
        chatId: `tg-identity-${i}`,
        memberId: member?.id ?? null,
        boundAt: member ? new Date("2026-11-02T03:04:05.006Z") : null,
        lastSeenAt: new Date("2026-11-18T01:00:00Z"),
      },
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("identity reads", () => {
  it("reads a person and their member as Prisma does, dates and times included, in a process on Shanghai time", async () => {
    inZone("Asia/Shanghai");
    const bound = await db.chatIdentity.findFirstOrThrow({ where: { memberId: { not: null } } });
    // Every nullable field of the member set, so each column's type is compared.
    await db.member.update({
      where: { id: bound.memberId! },
      data: {
        monthlyIncomeFen: 612_345,
        leftOn: new Date("2026-10-31T00:00:00Z"),
        lastOrgLifeAt: new Date("2026-11-01T23:30:00.123Z"),
        duesRemindedAt: new Date("2026-11-17T16:05:00.004Z"),
      },
    });
    await chatAs(app.core, "tg-identity-stranger", "telegram").say("你好");

    for (const [platform, id] of [
      [bound.platform, bound.externalUserId],
      ["TELEGRAM", "tg-identity-stranger"],
    ] as const) {
      const expected = await viaPrisma(platform as "TELEGRAM", id);
      expect(expected).not.toBeNull();
      expect(await identityRows(db).find(platform, id)).toEqual(expected);
    }
    const found = await identityRows(db).find(bound.platform, bound.externalUserId);
    expect(found?.member?.leftOn?.toISOString()).toBe("2026-10-31T00:00:00.000Z");
    expect(found?.member?.duesRemindedAt?.toISOString()).toBe("2026-11-17T16:05:00.004Z");
  });

  it("finds everyone asking in the same moment with one statement a platform, nobody for a stranger", async () => {
    const known = await db.chatIdentity.findMany({
      where: { externalUserId: { startsWith: "tg-identity-" } },
      take: 3,
      orderBy: { id: "asc" },
    });
    expect(known).toHaveLength(3);
    const query = vi.spyOn(pg.Client.prototype, "query");
    const asked = [
      ...known.map((k) => ["TELEGRAM", k.externalUserId] as const),
      ["TELEGRAM", known[0]!.externalUserId] as const,
      ["TELEGRAM", "tg-never-wrote"] as const,
      ["WECHAT", known[1]!.externalUserId] as const,
    ];
    const found = await Promise.all(asked.map(([platform, id]) => identityRows(db).find(platform, id)));
    const statements = query.mock.calls.filter(([q]) => JSON.stringify(q).includes("chat_identities"));
    expect(statements).toHaveLength(2);

    expect(found.map((f) => f?.id ?? null)).toEqual([
      known[0]!.id,
      known[1]!.id,
      known[2]!.id,
      known[0]!.id,
      null,
      null,
    ]);
    for (const [i, [platform, id]] of asked.entries()) expect(found[i]).toEqual(await viaPrisma(platform, id));
  });

  it("stores a first contact in one statement, as Prisma reads it back; two at once make one row", async () => {
    const now = new Date("2026-11-18T02:03:04.005Z");
    const query = vi.spyOn(pg.Client.prototype, "query");
    const first = {
      platform: "TELEGRAM",
      externalUserId: "tg-first",
      chatId: "tg-first",
      isPrivate: true,
      now,
    } as const;
    const [a, b] = await Promise.all([identityRows(db).upsert(first), identityRows(db).upsert(first)]);
    expect(query.mock.calls.filter(([q]) => JSON.stringify(q).includes("chat_identities"))).toHaveLength(2);
    expect(a.id).toBe(b.id);
    expect(await db.chatIdentity.count({ where: { externalUserId: "tg-first" } })).toBe(1);
    expect(a).toEqual(await viaPrisma("TELEGRAM", "tg-first"));
    expect(a).toMatchObject({ chatId: "tg-first", blocked: false, locale: null, memberId: null, member: null });
    expect(a.createdAt).toEqual(now);
    expect(a.lastSeenAt).toEqual(now);
  });

  it("refreshes a row found after all: where to write only from a private chat, the member with it", async () => {
    const member = await db.member.findFirstOrThrow({ orderBy: { id: "desc" } });
    await db.chatIdentity.create({
      data: { platform: "TELEGRAM", externalUserId: "tg-late", chatId: "old-chat", blocked: true, memberId: member.id },
    });
    const later = new Date("2026-11-18T03:00:00Z");
    const contact = { platform: "TELEGRAM", externalUserId: "tg-late", chatId: "tg-late", now: later } as const;

    const fromGroup = await identityRows(db).upsert({ ...contact, isPrivate: false });
    expect(fromGroup).toMatchObject({ chatId: "old-chat", blocked: true, lastSeenAt: later });
    expect(fromGroup.member).toEqual(member);

    const fromPrivate = await identityRows(db).upsert({ ...contact, isPrivate: true });
    expect(fromPrivate).toMatchObject({ chatId: "tg-late", blocked: false });
    expect(fromPrivate).toEqual(await viaPrisma("TELEGRAM", "tg-late"));
  });

  it("fails everyone waiting when PostgreSQL cannot be reached, and reads again the next moment", async () => {
    const unreachable = createDb("postgresql://postgres@127.0.0.1:1/nowhere", 1);
    const reads = identityRows(unreachable);
    const both = [reads.find("TELEGRAM", "a"), reads.find("TELEGRAM", "b")];
    for (const result of await Promise.allSettled(both)) expect(result.status).toBe("rejected");
    await expect(reads.find("TELEGRAM", "c")).rejects.toThrow();
    await unreachable.$disconnect();

    const first = await db.chatIdentity.findFirstOrThrow({ where: { externalUserId: "tg-identity-2" } });
    expect((await identityRows(db).find("TELEGRAM", first.externalUserId))?.id).toBe(first.id);
  });
});
