/** The catalog loads through the IE11 build's zod stand-in and yields exactly what the real zod yields. */
import raw from "../../src/catalog/forms.json";

describe("catalog with the trusted zod stand-in", () => {
  test("same catalog, same constants, and referential checks still run", () => {
    const real = jest.requireActual("../../src/catalog/index");
    let viaStub: typeof real;
    jest.isolateModules(() => {
      jest.doMock("zod", () => jest.requireActual("../../src/taskpane/legacy/zod-trusted"));
      viaStub = require("../../src/catalog/index");
    });
    expect(JSON.stringify(viaStub!.catalog)).toBe(JSON.stringify(real.catalog));
    expect(viaStub!.LEVELS).toEqual(real.LEVELS);
    expect(viaStub!.VERSION_IDS).toEqual(real.VERSION_IDS);
    expect(viaStub!.DEFAULT_VERSION).toBe(real.DEFAULT_VERSION);
    expect(viaStub!.formRows(3, "xa").map((i: { id: string }) => i.id)).toEqual(real.formRows(3, "xa").map((i: { id: string }) => i.id));
    // a broken reference is still refused without zod
    const broken = JSON.parse(JSON.stringify(raw));
    broken.indicators[1].parent = "bm9:nope";
    expect(() => viaStub!.checkCatalog(broken)).toThrow(/unknown/);
  });
});
