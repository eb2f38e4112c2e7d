/** The `cchc` command run in-process (run() with captured output), as the CLI tests drive it. */
import { Io, run } from "../../src/cli/main";

export async function cchc(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (s) => out.push(s), err: (s) => err.push(s) };
  const code = await run(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}
