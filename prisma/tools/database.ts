// Creating the database itself when it is missing, so a fresh machine needs no manual `createdb`.
import pg from "pg";

const UNDEFINED_DATABASE = "3D000";

export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const probe = new pg.Client({ connectionString: databaseUrl });
  try {
    await probe.connect();
    return false;
  } catch (error) {
    if ((error as { code?: string }).code !== UNDEFINED_DATABASE) throw error;
  } finally {
    await probe.end().catch(() => {});
  }
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  return true;
}

/** One line a person can act on, for the errors a wrong DATABASE_URL causes. */
export function describeConnectionError(error: unknown, databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const where = `${url.hostname}:${url.port || 5432}${url.pathname}`;
  const e = error as { code?: string; message?: string };
  const reason =
    e.code === "ECONNREFUSED"
      ? "nothing is listening there"
      : e.code === "ENOTFOUND" || e.code === "EAI_AGAIN"
        ? "the host name does not resolve"
        : e.code === "28P01" || e.code === "28000"
          ? "the user or password was refused"
          : (e.message ?? String(error)).split("\n")[0];
  return `Cannot use PostgreSQL at ${where} (DATABASE_URL): ${reason}`;
}
