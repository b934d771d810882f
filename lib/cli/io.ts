export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** Reads `--name value` options and positional arguments. */
export function parseArgs(args: string[]): { positional: string[]; options: Record<string, string | true> } {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith("--")) {
      const next = args[i + 1];
      if (next !== undefined && !next.startsWith("--")) {
        options[arg.slice(2)] = next;
        i++;
      } else options[arg.slice(2)] = true;
    } else positional.push(arg);
  }
  return { positional, options };
}
