// The demo subtree: 广东省 → 广州市 → two universities and a district, enough for every feature's story.
import type { OrgKind, OrgLevel } from "../../bot/infra/db.ts";

export interface DemoOrg {
  code: string;
  name: string;
  shortName?: string;
  level: OrgLevel;
  kind: OrgKind;
  parent?: string;
}

export const demoOrgs: DemoOrg[] = [
  { code: "GD", name: "共青团广东省委员会", shortName: "广东团省委", level: "PROVINCE", kind: "COMMITTEE" },
  {
    code: "GD-GZ",
    name: "共青团广州市委员会",
    shortName: "广州团市委",
    level: "CITY",
    kind: "COMMITTEE",
    parent: "GD",
  },
  {
    code: "GD-GZ-SCUT",
    name: "华南理工大学团委",
    shortName: "华工团委",
    level: "GRASSROOTS_COMMITTEE",
    kind: "SCHOOL",
    parent: "GD-GZ",
  },
  {
    code: "GD-GZ-SCUT-CS",
    name: "计算机科学与工程学院团总支",
    level: "GENERAL_BRANCH",
    kind: "SCHOOL",
    parent: "GD-GZ-SCUT",
  },
  { code: "GD-GZ-SCUT-CS-2201", name: "计科2022级1班团支部", level: "BRANCH", kind: "SCHOOL", parent: "GD-GZ-SCUT-CS" },
  { code: "GD-GZ-SCUT-CS-2202", name: "计科2022级2班团支部", level: "BRANCH", kind: "SCHOOL", parent: "GD-GZ-SCUT-CS" },
  {
    code: "GD-GZ-SCUT-EE",
    name: "电子与信息学院团总支",
    level: "GENERAL_BRANCH",
    kind: "SCHOOL",
    parent: "GD-GZ-SCUT",
  },
  { code: "GD-GZ-SCUT-EE-2301", name: "电信2023级1班团支部", level: "BRANCH", kind: "SCHOOL", parent: "GD-GZ-SCUT-EE" },
  {
    code: "GD-GZ-SYSU",
    name: "中山大学团委",
    shortName: "中大团委",
    level: "GRASSROOTS_COMMITTEE",
    kind: "SCHOOL",
    parent: "GD-GZ",
  },
  {
    code: "GD-GZ-SYSU-CS",
    name: "中山大学计算机学院团总支",
    level: "GENERAL_BRANCH",
    kind: "SCHOOL",
    parent: "GD-GZ-SYSU",
  },
  {
    code: "GD-GZ-SYSU-CS-M26",
    name: "计算机学院2026级硕士1班团支部",
    level: "BRANCH",
    kind: "SCHOOL",
    parent: "GD-GZ-SYSU-CS",
  },
  {
    code: "GD-GZ-TH",
    name: "共青团广州市天河区委员会",
    shortName: "天河团区委",
    level: "COUNTY",
    kind: "COMMITTEE",
    parent: "GD-GZ",
  },
  {
    code: "GD-GZ-TH-XH",
    name: "广州星河科技有限公司团支部",
    shortName: "星河科技团支部",
    level: "BRANCH",
    kind: "ENTERPRISE",
    parent: "GD-GZ-TH",
  },
  { code: "GD-GZ-TH-SP", name: "石牌街道团工委", level: "GRASSROOTS_COMMITTEE", kind: "STREET", parent: "GD-GZ-TH" },
  { code: "GD-GZ-TH-SP-01", name: "石牌街道社区团支部", level: "BRANCH", kind: "STREET", parent: "GD-GZ-TH-SP" },
];
