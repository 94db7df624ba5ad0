// Reads with several relations, and our own side-by-side reads, inside a transaction: one connection, one query at a
// time — and no pg DeprecationWarning (test/helpers/no-warnings.ts fails the file
// on any warning, so this file goes red if bot/infra/serial-transactions.ts stops being used).
import { describe, expect, it } from "vitest";
import { createTestApp } from "../helpers/test-app.ts";

const app = await createTestApp();
const { db } = app.deps;

describe("queries inside a transaction", () => {
  it("loads members with their organisation, roles and chats (three relations) inside a transaction", async () => {
    const org = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SCUT-CS-2201" } });
    const found = await db.$transaction((tx) =>
      tx.member.findMany({
        where: { orgId: org.id },
        include: { org: { select: { name: true } }, roles: true, identities: true },
        orderBy: { id: "asc" },
      }),
    );
    expect(found.length).toBeGreaterThan(2);
    expect(found.every((m) => m.org.name === "计科2022级1班团支部")).toBe(true);
  });

  it("runs side-by-side queries one at a time on the transaction's one connection", async () => {
    const org = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-TH-XH" } });
    const [a, b, updated, members] = await db.$transaction((tx) =>
      Promise.all([
        tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`,
        tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`,
        tx.$executeRaw`UPDATE organisations SET short_name = 'serial-test' WHERE id = ${org.id}`,
        tx.member.count({ where: { orgId: org.id } }),
      ]),
    );
    expect(a[0]!.pid).toBe(b[0]!.pid);
    expect(updated).toBe(1);
    expect(members).toBeGreaterThan(2);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: org.id } })).shortName).toBe("serial-test");
  });

  it("a failing query rejects only its own promise and rolls the transaction back", async () => {
    const org = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-TH-SP" } });
    await expect(
      db.$transaction(async (tx) => {
        await Promise.all([
          tx.$executeRaw`UPDATE organisations SET short_name = 'rolled back' WHERE id = ${org.id}`,
          tx.$queryRaw`SELECT 1 / 0`,
        ]);
      }),
    ).rejects.toThrow(/division by zero/);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: org.id } })).shortName).not.toBe("rolled back");
  });
});
