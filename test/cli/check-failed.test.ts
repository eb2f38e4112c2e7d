/**
 * `cchc validate` when a check does not run to its end (a defect planted in the "<=" rules, run in-process):
 * the "Không kiểm tra được …" findings are printed, the support details go to stderr, the JSON says
 * complete: false with the rules counted, and the exit code is 3 (not 0, not the 1 of a file with errors).
 */
import fs from "fs";
import os from "os";
import path from "path";
import { cchc } from "../support/cli";
import type { ValidateJson } from "../../src/cli/main";
import * as rules from "../../src/engine/rules";

let dir: string;
let file: string;


beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-check-failed-"));
  file = path.join(dir, "tinh.xlsx");
  const r = await cchc("new", "-o", file, "--level", "tinh", "--period", "N-2023", "--unit", "Tỉnh X");
  expect(r.code).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => jest.restoreAllMocks());

/** The "<=" rules lose their left side: applying one throws a TypeError before any figure is read. */
function breakAtMostRules(): number {
  const real = rules.rulesFor;
  jest
    .spyOn(rules, "rulesFor")
    .mockImplementation((level, version) =>
      real(level, version).map((x) => (x.operator === "<=" ? { ...x, left: undefined as unknown as string[] } : x))
    );
  return real("tinh").filter((x) => x.operator === "<=").length;
}

test("without a defect: complete, every rule ran, exit 0", async () => {
  const r = await cchc("validate", file, "--json");
  expect(r.code).toBe(0);
  const j = JSON.parse(r.out) as ValidateJson;
  expect(j.complete).toBe(true);
  expect(j.rulesApplicable).toBe(rules.rulesFor("tinh").length);
  expect(j.rulesRun).toBe(j.rulesApplicable);
  expect(j.findings.filter((f) => f.rule === "check-failed")).toEqual([]);
});

test("a throwing rule: the findings are printed, support details on stderr, exit 3", async () => {
  const broken = breakAtMostRules();
  expect(broken).toBeGreaterThan(0);

  const h = await cchc("validate", file);
  expect(h.code).toBe(3);
  const lines = h.out.split("\n").filter((l) => l.includes("Không kiểm tra được chỉ tiêu"));
  expect(lines).toHaveLength(broken);
  expect(lines[0]).toMatch(
    /^ {2}Lỗi — Chỉ tiêu \S+ \[Biểu mẫu \d!D\d+\]: Không kiểm tra được chỉ tiêu \S+ \(quy tắc thành phần không vượt quá tổng\)/
  );
  expect(h.out).toContain(`Việc kiểm tra không chạy hết: ${broken} phần không kiểm tra được`);
  expect(h.err.match(/Chi tiết hỗ trợ — /g)).toHaveLength(broken);
  expect(h.err).toMatch(/TypeError/);

  const r = await cchc("validate", file, "--json");
  expect(r.code).toBe(3);
  const j = JSON.parse(r.out) as ValidateJson;
  expect(j.complete).toBe(false);
  expect(j.rulesRun).toBe(j.rulesApplicable - broken);
  const failed = j.findings.filter((f) => f.rule === "check-failed");
  expect(failed).toHaveLength(broken);
  for (const f of failed) {
    expect(f.severity).toBe("error");
    expect(f.support).toMatch(/^check: part:/);
    expect(f.support).toMatch(/TypeError/);
  }
});
