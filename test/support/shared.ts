/**
 * Where the project's shared material (the seed reports and the hand extraction of the forms) lives:
 * the `shared/` folder beside the repository, as on the developers' machines and in CI. In a git worktree
 * (`git worktree add`), beside the main checkout the worktree belongs to. CCHC_SHARED overrides both.
 * No fixed path: when none of these exists the tests that need the material fail, saying where they looked.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");

/** The main checkout of a git worktree (its `.git` is a file "gitdir: <main>/.git/worktrees/<name>"), if this is one. */
function mainCheckout(root: string): string | undefined {
  const dotGit = path.join(root, ".git");
  if (!fs.existsSync(dotGit) || !fs.statSync(dotGit).isFile()) return undefined;
  const m = /^gitdir:\s*(.+)$/m.exec(fs.readFileSync(dotGit, "utf8"));
  if (!m) return undefined;
  const gitdir = path.resolve(root, m[1].trim());
  const commondirFile = path.join(gitdir, "commondir");
  if (!fs.existsSync(commondirFile)) return undefined;
  const common = path.resolve(gitdir, fs.readFileSync(commondirFile, "utf8").trim());
  return path.dirname(common);
}

/** The places looked at, in order. */
export const SHARED_CANDIDATES: string[] = [
  ...(process.env.CCHC_SHARED ? [process.env.CCHC_SHARED] : []),
  path.join(ROOT, "..", "shared"),
  ...[mainCheckout(ROOT)].filter((d): d is string => !!d).map((d) => path.join(d, "..", "shared")),
];

const found = SHARED_CANDIDATES.find((d) => fs.existsSync(d));
/** The shared folder; when it is nowhere, a path that does not exist and names the places looked at. */
export const SHARED_DIR = found ?? path.join(ROOT, `shared-not-found (looked in: ${SHARED_CANDIDATES.join(", ")})`);
export const SEEDS_DIR = path.join(SHARED_DIR, "seeds");
export const REFERENCE = path.join(SHARED_DIR, "reference", "forms-extracted.json");
