// Any process warning printed during a test file fails it (vitest `setupFiles`, so every test file gets it):
// a DeprecationWarning such as pg's "client.query() when the client is already executing a query" is a bug in
// waiting (two queries in flight on one transaction client), not noise to scroll past.
//
// Warnings arrive on the next tick, so one raised by the last await of a test may only be seen by the next test or
// by the file's afterAll: it still fails the file, and the message carries the warning's own stack.
import { afterAll, afterEach } from "vitest";

// `--no-deprecation` (or NODE_OPTIONS carrying it) would silence deprecations before they reach the listener, and
// `--no-warnings` hides them from the terminal: refuse to run that way rather than pass quietly.
const silencing = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)].filter((flag) =>
  /^--(no-deprecation|no-warnings|disable-warning)/.test(flag),
);
if (silencing.length) {
  throw new Error(`tests must run with warnings on; remove ${silencing.join(" ")} (test/helpers/no-warnings.ts)`);
}
process.noDeprecation = false;

const seen: Error[] = [];
process.on("warning", (warning) => seen.push(warning));

function failOnWarnings(when: string) {
  if (!seen.length) return;
  const warnings = seen.splice(0);
  throw new Error(
    `${warnings.length} process warning(s) ${when}:\n${warnings.map((w) => w.stack ?? `${w.name}: ${w.message}`).join("\n\n")}`,
  );
}

afterEach(() => failOnWarnings("during this test"));

afterAll(async () => {
  // Let warnings raised by the file's own teardown arrive first.
  await new Promise((resolve) => setImmediate(resolve));
  failOnWarnings("in this file (outside a test, or after its last assertion)");
});
