// Prisma's schema engine as WebAssembly, driven through the pg driver adapter: migrations work offline
// and on closed networks, where the CLI's native engine download fails.
import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";
import { parseIntoClientConfig } from "pg-connection-string";

export const prismaDir = path.resolve(import.meta.dirname, "..");
export const schemaPath = path.join(prismaDir, "schema.prisma");
export const migrationsDir = path.join(prismaDir, "migrations");
const noFilters = { externalTables: [], externalEnums: [] };

// Our tsconfig has no DOM lib, where the WebAssembly types live; this is the one call we make.
type WasmApi = {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

let wasmReady: Promise<typeof import("@prisma/schema-engine-wasm/schema_engine_bg")> | undefined;

/** The package is built for bundlers; instantiate its .wasm by hand, once per process. */
function loadWasm() {
  wasmReady ??= (async () => {
    const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const jsFile = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(jsFile.replace(/\.js$/, ".wasm"));
    const { instance } = await (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": bg,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return wasmReady;
}

export async function readSchema() {
  return { files: [{ path: schemaPath, content: await readFile(schemaPath, "utf8") }] };
}

export async function readMigrations(): Promise<MigrationList> {
  const names = (await readdir(migrationsDir, { withFileTypes: true }).catch(() => []))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: await readFile(lockPath, "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      names.map(async (name) => {
        const file = path.join(migrationsDir, name, "migration.sql");
        const content = await readFile(file, "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (error: Error) => ({ tag: "error" as const, value: error.message }),
        );
        return { path: name, migrationFile: { path: "migration.sql", content } };
      }),
    ),
  };
}

const PG_CHAR = 18;
const PG_TEXT = 25;

/**
 * The engine reads Postgres catalogues whose columns have the internal one-byte type "char" (pg_constraint.contype,
 * …), which @prisma/adapter-pg 7.10 refuses to map. pg already hands these values over as strings, so label them text.
 */
class CatalogueClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query() has a dozen overloads; we only post-process results.
  override query(...args: any[]): any {
    const relabel = (res: pg.QueryResult | undefined) => {
      for (const field of res?.fields ?? []) if (field.dataTypeID === PG_CHAR) field.dataTypeID = PG_TEXT;
      return res;
    };
    const last = args.length - 1;
    // pg-pool calls query with a callback; other callers get a promise.
    if (typeof args[last] === "function") {
      const callback = args[last];
      args[last] = (err: Error | null, res: pg.QueryResult) => callback(err, relabel(res));
    }
    // biome-ignore lint/suspicious/noExplicitAny: see above
    const result = (super.query as (...a: any[]) => any)(...args);
    return result instanceof Promise ? result.then(relabel) : result;
  }
}

/**
 * The pg adapter plus a shadow database we manage ourselves: @prisma/adapter-pg 7.10 builds its shadow by
 * overriding `database`, which pg ignores next to a connectionString (so the "shadow" was the real database),
 * and drops it while its own pool still holds connections.
 */
function adapterFactory(databaseUrl: string): SqlMigrationAwareDriverAdapterFactory & { dispose(): Promise<void> } {
  // A short idle timeout: the engine keeps a client checked out, so the pool cannot end until it idles.
  const config = { ...parseIntoClientConfig(databaseUrl), Client: CatalogueClient, idleTimeoutMillis: 50 };
  const main = new PrismaPg(config);
  const admin = async (sql: string) => {
    const client = new pg.Client(parseIntoClientConfig(databaseUrl));
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  // The engine never closes what it opens; we do, or the pool would keep the database busy.
  const opened: { dispose(): Promise<void> }[] = [];
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    async connect() {
      const adapter = await main.connect();
      opened.push(adapter);
      return adapter;
    },
    async dispose() {
      await Promise.all(opened.splice(0).map((a) => a.dispose()));
    },
    async connectToShadowDb() {
      const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
      await admin(`CREATE DATABASE "${name}"`);
      const shadow = await new PrismaPg({ ...config, database: name }).connect();
      const release = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await release();
        await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      };
      return shadow;
    },
  };
}

export interface Engine {
  engine: SchemaEngine;
  /** Migrations applied to the database; empty when it was already up to date. */
  applyMigrations(): Promise<string[]>;
  /** SQL that turns `from` into the current schema.prisma; empty when they match. */
  diffToSchema(from: "migrations" | "database"): Promise<string>;
  close(): Promise<void>;
}

export async function openEngine(databaseUrl: string, log: (line: string) => void = () => {}): Promise<Engine> {
  const bg = await loadWasm();
  const schema = await readSchema();
  const factory = adapterFactory(databaseUrl);
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const engine = await bg.SchemaEngine.new(
    { datamodels: schema.files.map((f) => [f.path, f.content] as [string, string]) },
    (line: string) => log(line),
    adapter,
  );
  return {
    engine,
    async applyMigrations() {
      const migrationsList = await readMigrations();
      const out = await engine.applyMigrations({ migrationsList, filters: noFilters });
      return out.appliedMigrationNames;
    },
    async diffToSchema(from) {
      const fromTarget =
        from === "migrations"
          ? { tag: "migrations" as const, ...(await readMigrations()) }
          : { tag: "schemaDatasource" as const, ...schema, configDir: prismaDir };
      const result = await engine.diff({
        from: fromTarget,
        to: { tag: "schemaDatamodel", ...schema },
        script: true,
        exitCode: null,
        filters: noFilters,
      });
      return (result.stdout ?? "").trim().replace(/^-- This is an empty migration\.$/, "");
    },
    async close() {
      engine.free();
      await factory.dispose();
    },
  };
}
