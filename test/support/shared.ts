/**
 * Where the project's shared material (the seed reports and the hand extraction of the forms) lives:
 * the `shared/` folder beside the repository, as on the developers' machines and in CI.
 * CCHC_SHARED overrides it.
 */
import * as fs from "fs";
import * as path from "path";

const besideRepo = path.resolve(__dirname, "..", "..", "..", "shared");
export const SHARED_DIR = process.env.CCHC_SHARED ?? (fs.existsSync(besideRepo) ? besideRepo : "/work/shared");
export const SEEDS_DIR = path.join(SHARED_DIR, "seeds");
export const REFERENCE = path.join(SHARED_DIR, "reference", "forms-extracted.json");
