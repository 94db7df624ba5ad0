// Any process warning printed during a test file fails it (vitest `setupFiles`, so every test file gets it):
// a DeprecationWarning such as pg's "client.query() when the client is already executing a query" is a bug in
// waiting (two queries in flight on one transaction client), not noise to scroll past.
//
// Warnings arrive on the next tick, so one raised by the last await of a test may only be seen by the next test or
// by the file's afterAll: it still fails the file, and the message carries the warning's own stack.
import { afterAll, afterEach } from "vitest";
import { collectWarnings } from "./warnings.ts";

const warnings = collectWarnings();

function failOnWarnings(when: string) {
  const error = warnings.check(when);
  if (error) throw error;
}

afterEach(() => failOnWarnings("during this test"));

afterAll(async () => {
  // Let warnings raised by the file's own teardown arrive first.
  await new Promise((resolve) => setImmediate(resolve));
  failOnWarnings("in this file (outside a test, or after its last assertion)");
});
