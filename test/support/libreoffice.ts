/**
 * LibreOffice (Debian `libreoffice-calc-nogui`) as a second, real spreadsheet client for tests: one headless
 * soffice call converts several files, in a throwaway profile whose registrymodifications.xcu tells Calc to
 * recalculate every formula on load (OOXMLRecalcMode = 0), so what comes back holds LibreOffice's own
 * results, not ours.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Converts the files (name → bytes) to `format` ("xlsx", "pdf") in one soffice run; returns name → output bytes. */
export function convertWithLibreOffice(files: Map<string, Buffer>, format: "xlsx" | "pdf"): Map<string, Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-lo-"));
  try {
    fs.mkdirSync(path.join(dir, "profile", "user"), { recursive: true });
    fs.writeFileSync(path.join(dir, "profile", "user", "registrymodifications.xcu"), PROFILE);
    const inDir = path.join(dir, "in");
    const outDir = path.join(dir, "out");
    fs.mkdirSync(inDir);
    const inputs: string[] = [];
    for (const [name, bytes] of files) {
      const p = path.join(inDir, name);
      fs.writeFileSync(p, bytes);
      inputs.push(p);
    }
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--convert-to", format, "--outdir", outDir, ...inputs],
      { stdio: "pipe", timeout: 240_000 }
    );
    const out = new Map<string, Buffer>();
    for (const name of files.keys()) {
      const p = path.join(outDir, name.replace(/\.[^.]+$/, "." + format));
      if (!fs.existsSync(p)) throw new Error(`LibreOffice did not convert ${name}`);
      out.set(name, fs.readFileSync(p));
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
