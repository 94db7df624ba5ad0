// "我欠多少团费": the monthly amount and why, paid-through month, what is owed, and the last payment.
import { describe, expect, it } from "vitest";
import { addMonths, monthOf } from "../../../bot/features/dues/months.ts";
import { formatDate, formatMonthName } from "../../../bot/features/membership/format.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { chatAsMember } from "../membership/member-chat.ts";

const app = await createTestApp();
const current = monthOf(app.clock.now, app.config.TZ);
const month = (offset: number, locale: "zh-CN" | "en" = "zh-CN") => formatMonthName(addMonths(current, offset), locale);

describe("a member asks about dues", () => {
  it("shows 刘洋 the capped share of his pay, four months owed and how to pay", async () => {
    const { chat } = await chatAsMember(app, "202001000005");
    const [reply] = await chat.say("/dues");
    expect(reply!.intent).toBe("dues.status");
    const text = reply!.text;
    expect(text).toContain("每月团费：20.00 元");
    expect(text).toContain("税后月收入 12000 元");
    expect(text).toContain("12000 × 0.2% = 24 元，取整为 24 元，超过上限，按 20 元");
    expect(text).toContain("起缴月份：2020年5月");
    expect(text).toContain(`已缴至：${month(-4)}`);
    expect(text).toContain(`欠缴 4 个月（${month(-3)} 至 ${month(0)}），共 80.00 元`);
    expect(text).toMatch(/最近一次缴费：\d{4}年\d{1,2}月\d{1,2}日，75 个月共 1500\.00 元/);
    expect(text).toContain(
      "点「缴纳团费」生成缴费单，付款后把截图发到这里；也可以现金交给团支书孙静（广州星河科技有限公司团支部）",
    );
    expect(reply!.buttons?.flat().map((b) => b.payload)).toEqual([
      "go:dues.pay",
      "go:dues.change",
      "go:membership.status",
    ]);
  });

  it("explains 陈刚's 0.2% of 8500 元 without a cap, and that he owes nothing", async () => {
    const { chat } = await chatAsMember(app, "201701000003");
    const text = await chat.text("团费交到哪个月了");
    expect(text).toContain("每月团费：17.00 元");
    expect(text).toContain("8500 × 0.2% = 17 元，取整为 17 元。");
    expect(text).toContain(`已缴至：${month(0)}`);
    expect(text).toContain("欠缴情况：无欠缴");
    expect(text).not.toContain("缴纳方式");
  });

  it("explains 张伟's 3 元 for pay under 2000 元", async () => {
    const { chat } = await chatAsMember(app, "201801000004");
    const text = await chat.text("我想问下我欠了多少团费啊");
    expect(text).toContain("在职团员，税后月收入 1800 元，低于 2000 元，每月 3.00 元。");
  });

  it("shows 李明 the student rate and this month owed, whatever he types after /dues", async () => {
    const { chat } = await chatAsMember(app, "201901000001");
    for (const ask of ["/dues", "/dues 202001000005", "我欠多少团费"]) {
      const text = await chat.text(ask);
      expect(text).toContain("李明 的团费");
      expect(text).toContain("学生团员，每月 0.20 元。");
      expect(text).toContain(`欠缴 1 个月（${month(0)}），共 0.20 元`);
      expect(text).not.toContain("刘洋");
    }
  });

  it("counts months paid ahead into paid-through and shows that payment as the last one", async () => {
    const { member, chat } = await chatAsMember(app, "202101000006");
    // 赵磊 pays his seven owed months and two ahead: nine months at 0.20 元.
    const months = Array.from({ length: 9 }, (_, i) => addMonths(current, i - 6));
    await app.deps.db.duesPayment.create({
      data: {
        memberId: member.id,
        reference: "TEST-PREPAY",
        method: "CASH",
        status: "CONFIRMED",
        months: months.length,
        amountFen: 180,
        settledAt: new Date(app.clock.now.getTime() + 60_000),
        paidMonths: { create: months.map((m) => ({ memberId: member.id, month: m, amountFen: 20 })) },
      },
    });
    const text = await chat.text("/dues");
    expect(text).toContain(`已缴至：${month(2)}（已预缴）`);
    expect(text).toContain("欠缴情况：无欠缴");
    const today = formatDate(app.clock.now, "zh-CN", app.config.TZ);
    expect(text).toContain(`最近一次缴费：${today}，9 个月共 1.80 元`);
  });

  it("owes every month from joining when nothing was ever paid", async () => {
    const { member, chat } = await chatAsMember(app, "201801000010");
    await app.deps.db.duesMonth.deleteMany({ where: { memberId: member.id } });
    await app.deps.db.duesPayment.deleteMany({ where: { memberId: member.id } });
    const text = await chat.text("/dues");
    expect(text).toContain("已缴至：—（尚无已缴月份）");
    expect(text).toContain("欠缴 103 个月（2018年5月 至");
    // 15000 元 → 30 元 capped at 20 元, 103 months.
    expect(text).toContain("共 2060.00 元");
    expect(text).toContain("最近一次缴费：暂无记录");
  });

  it("hands /dues branch to the leaders' view and shows one's own dues for any other argument", async () => {
    const { chat } = await chatAsMember(app, "201801000002");
    const [branch] = await chat.say("/dues branch");
    expect(branch!.intent).toBe("duesleaders.branch");
    const [own] = await chat.say("/dues branchy");
    expect(own!.intent).toBe("dues.status");
    expect(own!.text).toContain("王芳 的团费");
  });

  it("answers in English with the same numbers", async () => {
    const { chat } = await chatAsMember(app, "202001000005", { platform: "telegram", locale: "en" });
    const [reply] = await chat.say("how much dues do I owe");
    expect(reply!.intent).toBe("dues.status");
    expect(reply!.text).toContain("Monthly dues: 20.00 yuan");
    expect(reply!.text).toContain("12000 × 0.2% = 24 yuan, rounded down to 24 yuan, above the cap, so 20 yuan");
    expect(reply!.text).toContain(`4 months owed (${month(-3, "en")} – ${month(0, "en")}), 80.00 yuan in all`);
  });
});
