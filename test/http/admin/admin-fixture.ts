// One app and HTTP server for an admin-API test file, with tokens for the demo subtree:
// 华工团委 (GD-GZ-SCUT) read and write, one revoked, and a write token of the root (广东团省委).
import { afterAll } from "vitest";
import { createToken, revokeToken } from "../../../bot/http/admin/tokens.ts";
import { createHttpServer, type HttpServer } from "../../../bot/http/server.ts";
import { createTestApp, type TestApp } from "../../helpers/test-app.ts";

export const API = "/admin/api/v1";

export interface AdminFixture {
  app: TestApp;
  http: HttpServer;
  org: (code: string) => Promise<{ id: number; ancestorIds: number[]; parentId: number | null; depth: number }>;
  tokens: { read: string; write: string; revoked: string; rootRead: string; rootWrite: string };
  tokenIds: { read: number; write: number; revoked: number; rootRead: number; rootWrite: number };
  /** Bearer header for a token. */
  auth: (token: string) => { authorization: string };
}

export async function adminFixture(env: Record<string, string> = {}): Promise<AdminFixture> {
  // The matrix and story tests make hundreds of requests from one address; the rate-limit test sets its own.
  const app = await createTestApp({ ADMIN_RATE_PER_MINUTE: "100000", ...env });
  const http = createHttpServer(app.deps);
  afterAll(() => http.close());
  // Plugins load (and routes appear in http.adminRoutes) when the server gets ready.
  await http.ready();
  const { db } = app.deps;
  const secret = app.config.ID_HASH_SECRET;
  const make = (orgCode: string, access: "read" | "write", name: string) =>
    createToken(db, secret, { orgCode, access, name });
  const [read, write, revoked, rootRead, rootWrite] = await Promise.all([
    make("GD-GZ-SCUT", "read", "scut read"),
    make("GD-GZ-SCUT", "write", "scut write"),
    make("GD-GZ-SCUT", "write", "scut revoked"),
    make("GD", "read", "root read"),
    make("GD", "write", "root write"),
  ]);
  await revokeToken(db, revoked.id, new Date());
  return {
    app,
    http,
    org: (code) =>
      db.organisation.findUniqueOrThrow({
        where: { code },
        select: { id: true, ancestorIds: true, parentId: true, depth: true },
      }),
    tokens: {
      read: read.token,
      write: write.token,
      revoked: revoked.token,
      rootRead: rootRead.token,
      rootWrite: rootWrite.token,
    },
    tokenIds: { read: read.id, write: write.id, revoked: revoked.id, rootRead: rootRead.id, rootWrite: rootWrite.id },
    auth: (token) => ({ authorization: `Bearer ${token}` }),
  };
}
