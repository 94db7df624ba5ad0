// About fifty demo members across the branches, every dues category, and the cases each warning is for.
// Dates are relative to the day of seeding, so the warnings stay true on a fresh machine.
import type { DuesCategory, Role } from "../../bot/infra/db.ts";

export interface DemoMember {
  code: string;
  name: string;
  /** A made-up 18-character ID number; only its keyed hash and last four digits are stored. */
  idNumber: string;
  birth: { yearsAgo: number; monthsAgo?: number };
  joinedYear: number;
  branch: string;
  category: DuesCategory;
  incomeYuan?: number;
  /** Months of dues unpaid up to the current month (0 = paid through this month). */
  owedMonths: number;
  roles?: { org: string; role: Role }[];
  hasLeaguePost?: boolean;
}

/** The people the README introduces; their 编号 never change. */
export const demoPeople: DemoMember[] = [
  {
    code: "201901000001",
    name: "李明",
    idNumber: "440106200403151234",
    birth: { yearsAgo: 22, monthsAgo: 8 },
    joinedYear: 2019,
    branch: "GD-GZ-SCUT-CS-2201",
    category: "STUDENT",
    owedMonths: 1,
  },
  {
    code: "201801000002",
    name: "王芳",
    idNumber: "440104200201205628",
    birth: { yearsAgo: 24, monthsAgo: 2 },
    joinedYear: 2018,
    branch: "GD-GZ-SCUT-CS-2201",
    category: "STUDENT",
    owedMonths: 0,
    roles: [{ org: "GD-GZ-SCUT-CS-2201", role: "BRANCH_SECRETARY" }],
    hasLeaguePost: true,
  },
  {
    code: "201701000003",
    name: "陈刚",
    idNumber: "440111199709093317",
    birth: { yearsAgo: 27, monthsAgo: 1 },
    joinedYear: 2017,
    branch: "GD-GZ-SCUT-CS-2202",
    category: "SALARIED",
    incomeYuan: 8500,
    owedMonths: 0,
    roles: [{ org: "GD-GZ-SCUT", role: "COMMITTEE_STAFF" }],
    hasLeaguePost: true,
  },
  {
    code: "201801000004",
    name: "张伟",
    idNumber: "440103199802154411",
    // Turns 28 in two months: the 超龄 warning.
    birth: { yearsAgo: 27, monthsAgo: 10 },
    joinedYear: 2018,
    branch: "GD-GZ-TH-XH",
    category: "SALARIED",
    incomeYuan: 1800,
    owedMonths: 0,
  },
  {
    code: "202001000005",
    name: "刘洋",
    idNumber: "440105200106306672",
    birth: { yearsAgo: 25 },
    joinedYear: 2020,
    branch: "GD-GZ-TH-XH",
    category: "SALARIED",
    incomeYuan: 12000,
    // Four months owed (this one included): the arrears warning.
    owedMonths: 4,
  },
  {
    code: "202101000006",
    name: "赵磊",
    idNumber: "440106200309127756",
    birth: { yearsAgo: 23 },
    joinedYear: 2021,
    branch: "GD-GZ-TH-SP-01",
    category: "NO_INCOME",
    // Seven months owed: the 脱团 risk warning.
    owedMonths: 7,
  },
  {
    code: "202201000007",
    name: "黄丽",
    idNumber: "44010620050505882X",
    birth: { yearsAgo: 21 },
    joinedYear: 2022,
    branch: "GD-GZ-SCUT-CS-2201",
    category: "STUDENT",
    owedMonths: 0,
    roles: [{ org: "GD-GZ-SCUT-CS-2201", role: "TREASURER" }],
  },
  {
    code: "201601234567",
    name: "周杰",
    idNumber: "440102199912011239",
    birth: { yearsAgo: 26 },
    // Joined before 2017: the 编号 carries no year.
    joinedYear: 2016,
    branch: "GD-GZ-SYSU-CS-M26",
    category: "STUDENT",
    owedMonths: 2,
    roles: [{ org: "GD-GZ-SYSU-CS-M26", role: "BRANCH_SECRETARY" }],
    hasLeaguePost: true,
  },
  {
    code: "201901000009",
    name: "孙静",
    idNumber: "440104199605217783",
    birth: { yearsAgo: 27, monthsAgo: 6 },
    joinedYear: 2019,
    branch: "GD-GZ-TH-XH",
    category: "SALARIED",
    incomeYuan: 2000,
    owedMonths: 0,
    roles: [{ org: "GD-GZ-TH-XH", role: "BRANCH_SECRETARY" }],
    hasLeaguePost: true,
  },
  {
    code: "201801000010",
    name: "吴昊",
    idNumber: "440111199504040018",
    birth: { yearsAgo: 27, monthsAgo: 3 },
    joinedYear: 2018,
    branch: "GD-GZ-TH",
    category: "SALARIED",
    incomeYuan: 15000,
    owedMonths: 0,
    roles: [{ org: "GD-GZ-TH", role: "COMMITTEE_STAFF" }],
    hasLeaguePost: true,
  },
];

const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高".split("");
const given = [
  "子涵",
  "欣怡",
  "浩然",
  "梓萱",
  "宇轩",
  "诗涵",
  "俊杰",
  "雨桐",
  "博文",
  "思彤",
  "晨曦",
  "嘉怡",
  "一鸣",
  "佳琪",
];
const branches = [
  "GD-GZ-SCUT-CS-2201",
  "GD-GZ-SCUT-CS-2202",
  "GD-GZ-SCUT-EE-2301",
  "GD-GZ-SYSU-CS-M26",
  "GD-GZ-TH-XH",
  "GD-GZ-TH-SP-01",
];
const categories: { category: DuesCategory; incomeYuan?: number }[] = [
  { category: "STUDENT" },
  { category: "STUDENT" },
  { category: "NO_INCOME" },
  { category: "SALARIED", incomeYuan: 1500 },
  { category: "SALARIED", incomeYuan: 4800 },
  { category: "SALARIED", incomeYuan: 20000 },
];

/** Forty more people, made the same way on every machine. */
export function generatedMembers(): DemoMember[] {
  return Array.from({ length: 40 }, (_, i) => {
    const joinedYear = 2017 + (i % 8);
    const branch = branches[i % branches.length]!;
    const dues = branch.startsWith("GD-GZ-TH") ? categories[3 + (i % 3)]! : categories[i % 3]!;
    return {
      code: `${joinedYear}${String(200 + i).padStart(8, "0")}`,
      name: `${surnames[i % surnames.length]}${given[(i * 3) % given.length]}`,
      idNumber: `4401${String(10 + (i % 90)).padStart(2, "0")}${1998 + (i % 9)}0${1 + (i % 9)}1${i % 10}${String(100 + i).slice(-3)}${i % 10}`,
      birth: { yearsAgo: 18 + (i % 10), monthsAgo: i % 12 },
      joinedYear,
      branch,
      ...dues,
      owedMonths: [0, 0, 0, 1, 2, 0, 3, 0, 0, 7][i % 10]!,
    };
  });
}
