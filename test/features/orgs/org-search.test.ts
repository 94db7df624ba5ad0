// Destination search: a member types part of a name, its pinyin or its initials — with a typo or without — and
// the organisation they mean comes first; broad or odd input never fails.
import { describe, expect, it } from "vitest";
import { cleanForSearch, queryVariants, searchOrganisations } from "../../../bot/features/orgs/org-search.ts";
import { createOrganisation } from "../../../bot/features/orgs/org-service.ts";
import { createTestApp } from "../../helpers/test-app.ts";

const app = await createTestApp();
const { db } = app.deps;
const names = async (query: string, options = {}) => (await searchOrganisations(db, query, options)).map((h) => h.name);
const first = async (query: string, options = {}) => (await names(query, options))[0];

// Look-alikes beside the seeded 华南理工大学团委 and 中山大学团委, so the right one has to win, not merely appear.
const gz = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ" } });
await createOrganisation(db, {
  code: "T-HNNY",
  name: "华南农业大学团委",
  level: "GRASSROOTS_COMMITTEE",
  kind: "SCHOOL",
  parentId: gz.id,
});
await createOrganisation(db, {
  code: "T-HNSF",
  name: "华南师范大学团委",
  level: "GRASSROOTS_COMMITTEE",
  kind: "SCHOOL",
  parentId: gz.id,
});
const scut = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SCUT" } });
await createOrganisation(db, {
  code: "T-SCUT-SE",
  name: "华南理工大学软件学院团总支",
  level: "GENERAL_BRANCH",
  kind: "SCHOOL",
  parentId: scut.id,
});
await createOrganisation(db, {
  code: "T-HNLG-XH",
  name: "湖南理工学院团委",
  level: "GRASSROOTS_COMMITTEE",
  kind: "SCHOOL",
  parentId: gz.id,
});

describe("searching organisations", () => {
  it("finds a university by a fragment of its name, the committee before its own colleges", async () => {
    const hits = await searchOrganisations(db, "华南理工");
    expect(hits.map((h) => h.name).slice(0, 2)).toEqual(["华南理工大学团委", "华南理工大学软件学院团总支"]);
    expect(hits[0]).toMatchObject({
      shortName: "华工团委",
      level: "GRASSROOTS_COMMITTEE",
      kind: "SCHOOL",
      parentName: "共青团广州市委员会",
    });
  });

  it("finds by pinyin initials and by full pinyin, typed in any case, with spaces", async () => {
    expect(await first("hnlg")).toBe("华南理工大学团委");
    expect(await first("HNLGDX")).toBe("华南理工大学团委");
    expect(await first("huananligong")).toBe("华南理工大学团委");
    expect(await first("hua nan li gong da xue")).toBe("华南理工大学团委");
    expect(await first("zhongshan")).toBe("中山大学团委");
  });

  it("finds by short name, exact short name first", async () => {
    expect(await first("华工团委")).toBe("华南理工大学团委");
    expect(await first("中大团委")).toBe("中山大学团委");
  });

  it("finds a two-character fragment in the middle of a name", async () => {
    expect(await first("星河")).toBe("广州星河科技有限公司团支部");
    expect(await first("石牌")).toBe("石牌街道团工委");
  });

  it("tolerates one wrong or missing character, and a pinyin typo", async () => {
    expect(await first("华南理宫大学")).toBe("华南理工大学团委");
    expect(await first("华南工大学")).toBe("华南理工大学团委");
    expect(await first("中山大雪团委")).toBe("中山大学团委");
    expect(await first("huananligonk")).toBe("华南理工大学团委");
    expect(await first("huannligong")).toBe("华南理工大学团委");
  });

  it("ranks a prefix of the name above a fuzzy match elsewhere", async () => {
    const hits = await names("华南");
    expect(hits.slice(0, 4).sort()).toEqual(
      ["华南农业大学团委", "华南师范大学团委", "华南理工大学团委", "华南理工大学软件学院团总支"].sort(),
    );
    // 湖南理工学院 (hnlgxy) is one typo away from "hnlgdx": it may come, but after the exact initials.
    const initials = await names("hnlgdx");
    expect(initials[0]).toBe("华南理工大学团委");
    if (initials.includes("湖南理工学院团委")) {
      expect(initials.indexOf("湖南理工学院团委")).toBeGreaterThan(initials.indexOf("华南理工大学软件学院团总支"));
    }
  });

  it("one character finds the names that begin with it", async () => {
    expect((await names("石")).sort()).toEqual(["石牌街道团工委", "石牌街道社区团支部"]);
  });

  it("filters by kind and level and honours the limit", async () => {
    expect(await names("团委", { kinds: ["SCHOOL"], levels: ["GRASSROOTS_COMMITTEE"], limit: 50 })).toEqual(
      expect.arrayContaining(["华南理工大学团委", "中山大学团委", "华南农业大学团委"]),
    );
    expect(await names("团委", { kinds: ["ENTERPRISE"] })).toEqual([]);
    expect(await names("团", { limit: 2 })).toHaveLength(0);
    expect(await names("团支部", { limit: 2 })).toHaveLength(2);
  });

  it("answers nothing, without failing, for empty, punctuation-only or unmatched input", async () => {
    expect(await names("")).toEqual([]);
    expect(await names("  ，。!? ")).toEqual([]);
    expect(await names("qqqqzzzz")).toEqual([]);
    expect(await names("北京大学")).toEqual([]);
    expect(await names("'; DROP TABLE organisations; --")).toEqual([]);
    expect(await db.organisation.count()).toBeGreaterThan(10);
    expect(await names("华".repeat(200))).toEqual([]);
  });

  it("finds an organisation created a moment ago (the index follows every write)", async () => {
    await createOrganisation(db, {
      code: "T-NEW",
      name: "广州云帆数据有限公司团支部",
      level: "BRANCH",
      kind: "ENTERPRISE",
      parentId: gz.id,
    });
    expect(await first("云帆")).toBe("广州云帆数据有限公司团支部");
    expect(await first("gzyfsj")).toBe("广州云帆数据有限公司团支部");
  });
});

describe("query tokens", () => {
  it("cleans like the SQL side: lower case, letters and digits of any script", () => {
    expect(cleanForSearch(" 华南理工（五山）IBM-2022 ")).toBe("华南理工五山ibm2022");
  });

  it("asks for every pair, or all but those one wrong or missing character spoils", () => {
    const { exact, fuzzy } = queryVariants("华南理宫", false);
    expect(exact).toEqual([["华南", "南理", "理宫"]]);
    // 宫 wrong: its pair goes. 南 missing in "华理工大": the variant without 华 keeps what 华理工大学 has.
    expect(fuzzy).toContainEqual(["华南", "南理"]);
    expect(queryVariants("华理工大", false).fuzzy).toContainEqual(["理工", "工大"]);
    // Two or three characters: too little left after a typo to stay selective.
    expect(queryVariants("华南理", false).fuzzy).toEqual([]);
    expect(queryVariants("石", false).exact).toEqual([["^石"]]);
  });
});
