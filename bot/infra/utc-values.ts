// Values sent to and read from pg directly as Prisma sends and reads them: our `timestamp(3)` columns hold UTC
// without a zone and `date` columns midnight UTC, whatever the process's own time zone; big integers are BigInt.
import pg from "pg";

/** A time as Prisma sends it: UTC, without a zone (pg would send the process's local time). */
export function asParameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("T", " ").replace("Z", "");
  if (Array.isArray(value)) return value.map(asParameter);
  return value;
}

const TIMESTAMP = 1114;
const DATE = 1082;
const INT8 = 20;
export const getTypeParser = ((oid: number, format?: "text" | "binary") => {
  if (oid === TIMESTAMP) return (text: string) => jsonTime(text.replace(" ", "T"));
  if (oid === DATE) return jsonTime;
  if (oid === INT8) return (text: string) => BigInt(text);
  return pg.types.getTypeParser(oid, format);
}) as typeof pg.types.getTypeParser;

/**
 * A time from a JSON row. Our `timestamp(3)` columns hold UTC without a zone (as Prisma writes them), and JSON
 * carries them as "2026-11-18T02:00:00.123": read as UTC, as Prisma reads the column itself. A date ("2026-11-18")
 * is midnight UTC, as Prisma reads a date column.
 */
export function jsonTime(value: string): Date;
export function jsonTime(value: string | null): Date | null;
export function jsonTime(value: string | null): Date | null {
  if (value === null) return null;
  const zoneless = value.includes("T") && !/(Z|[+-]\d\d(:?\d\d)?)$/.test(value);
  return new Date(zoneless ? `${value}Z` : value);
}
