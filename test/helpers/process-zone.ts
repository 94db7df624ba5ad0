// The process's own time zone set for a test (direct reads must not depend on it) and put back after each test.
import { afterEach } from "vitest";

/** Registers the restore; call the returned function in a test to set the zone, e.g. "Asia/Shanghai". */
export function processZone(): (zone: string) => void {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });
  return (zone) => {
    process.env.TZ = zone;
  };
}
