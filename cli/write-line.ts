/** Writes one line to stdout (or `to`), waiting for the pipe to drain so a million-line export never buffers in memory. */
export async function writeLine(line: string, to: NodeJS.WritableStream = process.stdout): Promise<void> {
  if (!to.write(`${line}\n`)) await new Promise<void>((resolve) => to.once("drain", () => resolve()));
}

/** Reads `--name value` flags and positional arguments. */
export function parseArgs(args: string[], flags: string[], valued: string[]) {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const name = a.replace(/^--/, "");
    if (a.startsWith("--") && valued.includes(name)) {
      const v = args[++i];
      if (v === undefined) throw new Error(`--${name} needs a value`);
      options[name] = v;
    } else if (a.startsWith("--") && flags.includes(name)) options[name] = true;
    else if (a.startsWith("--")) throw new Error(`unknown option ${a}`);
    else positional.push(a);
  }
  return { positional, options };
}
