// Process warnings (DeprecationWarning and the like) collected so a test run can fail on them: used per test file
// by no-warnings.ts (vitest `setupFiles`) and around the migrate-and-seed of global-setup.ts.

/** Command-line flags that would silence warnings before they reach a listener or the terminal. */
export function silencingFlags(): string[] {
  return [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)].filter((flag) =>
    /^--(no-deprecation|no-warnings|disable-warning)/.test(flag),
  );
}

/**
 * Refuses to go on when warnings are silenced, keeps `process.noDeprecation` false for good (a test or a library
 * setting it would stop deprecations from ever being emitted), and collects every warning from now on.
 */
export function collectWarnings() {
  const flags = silencingFlags();
  if (flags.length) throw new Error(`tests must run with warnings on; remove ${flags.join(" ")}`);
  Object.defineProperty(process, "noDeprecation", {
    configurable: true,
    get: () => false,
    set: () => {
      throw new Error("process.noDeprecation cannot be set during tests: fix the warning instead");
    },
  });
  const seen: Error[] = [];
  const listener = (warning: Error) => seen.push(warning);
  process.on("warning", listener);
  return {
    /** The warnings so far (cleared), or an error naming them; also when our listener was removed. */
    check(when: string): Error | null {
      if (!process.listeners("warning").includes(listener)) {
        return new Error("the process 'warning' listener of test/helpers/warnings.ts was removed");
      }
      if (!seen.length) return null;
      const warnings = seen.splice(0);
      const list = warnings.map((w) => w.stack ?? `${w.name}: ${w.message}`).join("\n\n");
      return new Error(`${warnings.length} process warning(s) ${when}:\n${list}`);
    },
    stop() {
      process.off("warning", listener);
    },
  };
}
