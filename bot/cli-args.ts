// The options of our npm commands: `--help` prints the command's usage, and an option it does not know (or a
// missing value) prints what was wrong and the usage, instead of Node's stack trace from parseArgs.
import { type ParseArgsConfig, parseArgs } from "node:util";
import type { Translate } from "./core/i18n.ts";

export function cliArgs<T extends ParseArgsConfig>(options: T, t: () => Translate, usageKey: string) {
  const argv = process.argv.slice(2);
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(t()(usageKey));
    process.exit(0);
  }
  try {
    return parseArgs({ ...options, args: argv });
  } catch (error) {
    const translate = t();
    console.error(
      `${translate("core-cli-bad-arguments", { reason: (error as Error).message })}\n${translate(usageKey)}`,
    );
    process.exit(2);
  }
}
