/**
 * Runs a setup script's main (spawned by a spec with tsx): exit 0 when it resolves, 1 with the
 * error's stack on stderr when it throws, so that the spec's `execFileSync` fails with the cause.
 */
export function runScript(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
