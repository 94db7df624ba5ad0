// `npm run token`: an operator creates a token, sees it listed (never the token itself), uses it, revokes it.
import { describe, expect, it } from "vitest";
import { runScript } from "../../helpers/run-script.ts";
import { API, adminFixture } from "./admin-fixture.ts";

const f = await adminFixture();
const env = { DATABASE_URL: f.app.config.DATABASE_URL, REDIS_PREFIX: f.app.config.REDIS_PREFIX };
const token = (...args: string[]) => runScript("bot/http/admin/token-cli.ts", args, { env });

describe("the token command", () => {
  // Each run starts a Node process with tsx: seconds, not milliseconds.
  it("creates a token shown once, lists it, and revokes it", { timeout: 90_000 }, async () => {
    const created = await token("create", "--org", "GD-GZ-SYSU", "--access", "read", "--name", "中大报表脚本");
    expect(created.code).toBe(0);
    const secret = created.stdout.trim();
    expect(secret).toMatch(/^tz_[0-9a-f]{48}$/);
    expect(created.stderr).toContain("read access to GD-GZ-SYSU");
    const row = await f.app.deps.db.apiToken.findFirstOrThrow({ where: { name: "中大报表脚本" } });
    expect(row.tokenHash).not.toContain(secret.slice(3));

    const sysu = await f.org("GD-GZ-SYSU");
    const use = () => f.http.inject({ url: `${API}/orgs/${sysu.id}`, headers: f.auth(secret) });
    expect((await use()).statusCode).toBe(200);

    const list = await token("list");
    expect(list.code).toBe(0);
    const line = list.stdout.split("\n").find((l) => l.startsWith(`${row.id}\t`));
    expect(line).toMatch(new RegExp(`^${row.id}\\tGD-GZ-SYSU\\tREAD\\tactive\\t`));
    expect(line).toContain("中大报表脚本");
    expect(list.stdout).not.toContain(secret);

    const revoked = await token("revoke", String(row.id));
    expect(revoked.code).toBe(0);
    expect((await use()).statusCode).toBe(401);
    expect((await token("list")).stdout).toMatch(new RegExp(`^${row.id}\\t.*\\trevoked `, "m"));
    const actions = await f.app.deps.db.auditLog.findMany({
      where: { targetType: "ApiToken", targetId: String(row.id) },
      orderBy: { id: "asc" },
    });
    expect(actions.map((a) => [a.actorLabel, a.action])).toEqual([
      ["cli", "api-token.create"],
      ["cli", "api-token.revoke"],
    ]);
  });

  it("says what is wrong with the arguments", { timeout: 60_000 }, async () => {
    const noOrg = await token("create", "--org", "NOPE", "--access", "read", "--name", "x");
    expect(noOrg.code).toBe(2);
    expect(noOrg.stderr).toContain('no organisation with code "NOPE"');
    const badAccess = await token("create", "--org", "GD", "--access", "admin", "--name", "x");
    expect(badAccess.code).toBe(2);
    expect(badAccess.stderr).toContain("--access must be read or write");
  });
});
