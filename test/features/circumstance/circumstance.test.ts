// A change of circumstance on the console with the app's clock: 李明 graduates and starts work, says so in plain
// words, names the month; his 团支书 王芳 confirms from a button; his dues follow from that month only. A rejection
// with a reason, a branch without a bound 团支书, nobody bound at all, a leader out of scope, and the question
// after an employment transfer — asked once.
import { describe, expect, it } from "vitest";
import { owedMonths } from "../../../bot/features/dues/ledger.ts";
import { decideStep, submitTransfer } from "../../../bot/features/transfers/workflow.ts";
import { createTestApp } from "../../helpers/test-app.ts";
import { chatAsMember } from "../membership/member-chat.ts";
import { payloads, rowPayloads } from "../transfers/transfer-helpers.ts";

const app = await createTestApp();
const { db, i18n } = app.deps;
const shanghai = (day: string) => new Date(`${day}T10:00:00+08:00`);

const li = await chatAsMember(app, "201901000001"); // 李明, student, owes November 2026
const wang = await chatAsMember(app, "201801000002"); // 团支书 of 2201
const huang = await chatAsMember(app, "202201000007"); // 黄丽, 2201, treasurer (not a confirmer)
const wu = await chatAsMember(app, "201801000010"); // staff of Tianhe: outside SCUT

const rows = (messageKey: string, memberId: number) =>
  db.outboxMessage.findMany({ where: { messageKey, identity: { memberId } }, orderBy: { id: "asc" } });
const render = (row: { messageKey: string; args: unknown }, locale: "zh-CN" | "en" = "zh-CN") =>
  i18n.t(locale, row.messageKey, row.args as Record<string, string>);
const owedFen = async (memberId: number) =>
  (await owedMonths(db, memberId, app.clock.now)).months.map((m) => [m.month, m.amountFen]);

describe("a change of income, reported and confirmed", () => {
  it("李明 says he started work; the bot asks only the month, shows the new amount and who confirms", async () => {
    app.clock.set(shanghai("2027-01-10"));
    // November, December and January owed at the student rate.
    expect(await owedFen(li.member.id)).toEqual([
      [202611, 20],
      [202612, 20],
      [202701, 20],
    ]);
    const [ask] = await li.chat.say("我毕业了现在上班了月薪八千");
    expect(ask!.intent).toBe("dues.change");
    expect(ask!.text).toContain("从哪个月开始按新情况缴费");
    expect(ask!.text).toContain("2026年11月 至 2027年4月");
    expect(payloads(ask)).toEqual(["circ-month:202612", "circ-month:202701", "circ-month:202702", "circ-stop:report"]);
    // A paid month is refused with the reason, and the question stays.
    const [early] = await li.chat.say("2026年10月");
    expect(early!.text).toContain("不能早于 2026年11月");
    const [summary] = await li.chat.say("12月");
    expect(summary!.text).toBe(
      [
        "请核对：自 2026年12月 起，你的团费类别改为在职，税后月收入 8000.00 元，每月团费 16.00 元（此前每月 0.20 元）。2026年12月 之前的月份不变。",
        "由你的团支书 王芳 确认。确认前团费不变。提交吗？",
      ].join("\n"),
    );
    // Nothing changes before a yes.
    expect(await db.duesChange.count()).toBe(0);
    const [sent] = await li.chat.say("好的");
    expect(sent!.text).toBe(
      "✅ 已提交。由你的团支书 王芳 确认。结果会通知你；在 /me 和 /dues 中可以看到这项待确认的变化。",
    );
    // A second tap on the old summary files nothing twice.
    const [again] = await li.chat.press("circ-send:yes");
    expect(again!.text).toContain("这份申请已经提交过了，没有重复提交");
    expect(await db.duesChange.count()).toBe(1);

    const [toWang] = await rows("circumstance-leader-request", wang.member.id);
    expect(render(toWang!)).toBe(
      "📝 李明（2019****0001，计科2022级1班团支部）报告情况变化：自 2026年12月 起改为在职，税后月收入 8000.00 元，每月团费 16.00 元（此前 0.20 元）。原话：“我毕业了现在上班了月薪八千”。请核实后同意或退回（退回需说明理由）。",
    );
    expect(rowPayloads(toWang!)).toEqual([
      expect.stringMatching(/^circ-ok:\d+$/),
      expect.stringMatching(/^circ-no:\d+$/),
    ]);
    expect(await rows("circumstance-leader-request", huang.member.id)).toEqual([]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "dues.change.reported" } });
    expect(audit.actorId).toBe(li.member.id);

    // /me and /dues show it waiting; the dues are still the student's.
    const me = await li.chat.text("/me");
    expect(me).toContain(
      "⏳ 待确认的情况变化：自 2026年12月 起改为在职，税后月收入 8000.00 元（等待团支书确认，确认前团费不变）",
    );
    const dues = await li.chat.text("/dues");
    expect(dues).toContain("⏳ 待确认的情况变化");
    expect(dues).toContain("欠缴 3 个月（2026年11月 至 2027年1月），共 0.60 元");
    // Reporting again while one waits: shown, with a way to withdraw it.
    const [waiting] = await li.chat.say("我的收入变了");
    expect(waiting!.text).toContain("你已报告过一项情况变化，正在等待确认");
    expect(payloads(waiting)[0]).toMatch(/^circ-withdraw:\d+$/);
    for (const words of ["我换工作了", "my income changed", "I started a job", "我涨工资了"]) {
      const [reply] = await li.chat.say(words);
      expect(reply!.intent, words).toBe("dues.change");
    }
  });

  it("refuses a leader out of scope, the member himself and a treasurer, as if it did not exist", async () => {
    const change = await db.duesChange.findFirstOrThrow();
    const [outside] = await wu.chat.press(`circ-ok:${change.id}`);
    expect(outside!.text).toBe("找不到这项申请，或不在你的管辖范围内。");
    const [own] = await li.chat.press(`circ-ok:${change.id}`);
    expect(own!.text).toBe(outside!.text);
    const [treasurer] = await huang.chat.press(`circ-no:${change.id}`);
    expect(treasurer!.text).toBe(outside!.text);
    expect((await db.duesChange.findUniqueOrThrow({ where: { id: change.id } })).status).toBe("PENDING");
    expect(await db.auditLog.count({ where: { action: "dues.change.denied" } })).toBe(3);
    expect(await wu.chat.text("/changes")).toBe("你管辖的范围内没有待确认的情况变化。");
  });

  it("王芳 confirms from her list: the new amount from December, November unchanged; 李明 is told", async () => {
    const list = await wang.chat.say("/changes");
    expect(list[0]!.text).toContain("• 李明（2019****0001）：自 2026年12月 起改为在职，税后月收入 8000.00 元");
    const change = await db.duesChange.findFirstOrThrow();
    const [done] = await wang.chat.press(`circ-ok:${change.id}`);
    expect(done!.text).toBe(
      "已同意：李明 自 2026年12月 起按在职，税后月收入 8000.00 元缴纳团费，每月 16.00 元；之前的月份不变。已通知本人，此操作已记录。",
    );
    expect(await owedFen(li.member.id)).toEqual([
      [202611, 20],
      [202612, 1600],
      [202701, 1600],
    ]);
    const member = await db.member.findUniqueOrThrow({ where: { id: li.member.id } });
    expect(member).toMatchObject({ duesCategory: "SALARIED", monthlyIncomeFen: 800_000 });
    const stored = await db.duesChange.findUniqueOrThrow({ where: { id: change.id } });
    expect(stored).toMatchObject({ status: "CONFIRMED", fromCategory: "STUDENT", handledById: wang.member.id });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "dues.change.confirmed" } });
    expect(audit).toMatchObject({ actorId: wang.member.id, targetId: String(change.id) });
    const [told] = await rows("circumstance-member-confirmed", li.member.id);
    expect(render(told!)).toBe(
      "✅ 王芳 已确认你的情况变化：自 2026年12月 起按在职，税后月收入 8000.00 元缴纳团费，每月 16.00 元。此前的月份不变。",
    );
    expect(render(told!, "en")).toContain("from December 2026 your dues are those of a salaried member");

    const dues = await li.chat.text("/dues");
    expect(dues).toContain("每月团费：16.00 元");
    expect(dues).toContain("欠缴 3 个月（2026年11月 至 2027年1月），共 32.20 元");
    expect(dues).not.toContain("待确认的情况变化");
    // A second tap (or another leader) changes nothing.
    const [again] = await wang.chat.press(`circ-ok:${change.id}`);
    expect(again!.text).toBe("李明 的这项申请已被 王芳 确认，无需再处理。");
    expect(await db.auditLog.count({ where: { action: "dues.change.confirmed" } })).toBe(1);
    expect(await rows("circumstance-member-confirmed", li.member.id)).toHaveLength(1);
  });

  it("/pay asks the new amounts; a later change may not start before the last confirmed one", async () => {
    // Paying everything owed settles November at 0.20 and December, January at 16.
    const [plan] = await li.chat.say("/pay");
    expect(plan!.text).toContain("32.20");
    app.clock.set(shanghai("2027-02-10"));
    const [ask] = await li.chat.say("我又回去读书了");
    expect(ask!.text).toContain("从哪个月开始");
    // The last confirmed change started in December: not before it.
    const [early] = await li.chat.say("2026年11月");
    expect(early!.text).toContain("不能早于 2026年12月");
    // 取消 typed: the offered 取消 button's words.
    const [out] = await li.chat.say("取消");
    expect(out!.text).toBe("好的，没有提交任何变化，团费不变。");
    expect(await db.duesChange.count()).toBe(1);
  });
});

describe("rejection", () => {
  it("王芳 sends 黄丽's report back with a typed reason; 黄丽 is told and nothing changes", async () => {
    app.clock.set(shanghai("2026-11-18"));
    const [ask] = await huang.chat.say("I lost my job");
    expect(ask!.text).toContain("从哪个月开始");
    await huang.chat.press("circ-month:202612");
    const [sent] = await huang.chat.say("是");
    expect(sent!.text).toContain("王芳");
    const change = await db.duesChange.findFirstOrThrow({ where: { memberId: huang.member.id } });
    const [why] = await wang.chat.press(`circ-no:${change.id}`);
    expect(why!.text).toContain("退回 黄丽 的申请");
    expect(payloads(why)).toContain(`circ-why:${change.id}:proof`);
    const [done] = await wang.chat.say("你还在读大三，不是无收入");
    expect(done!.text).toBe("已退回 黄丽 的申请，并把理由告诉了本人。团费不变，此操作已记录。");
    const [told] = await rows("circumstance-member-rejected", huang.member.id);
    expect(render(told!)).toBe(
      "王芳 没有确认你报告的情况变化（自 2026年12月 起），理由：你还在读大三，不是无收入。团费类别不变；如有需要可以修改后重新报告（/change）。",
    );
    expect((await db.member.findUniqueOrThrow({ where: { id: huang.member.id } })).duesCategory).toBe("STUDENT");
    expect(await db.auditLog.count({ where: { action: "dues.change.rejected" } })).toBe(1);
    const [again] = await wang.chat.press(`circ-why:${change.id}:proof`);
    expect(again!.text).toBe("黄丽 的这项申请已被 王芳 退回，无需再处理。");
  });
});

describe("months paid while a report waits", () => {
  it("refuses to confirm a change from a month paid since, changing nothing, and offers to send it back", async () => {
    // 钱新 joined 2201 this month and has paid nothing yet.
    const branch = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-SCUT-CS-2201" } });
    await db.member.create({
      data: {
        code: "202611000301",
        name: "钱新",
        idHash: "hash-202611000301",
        idLast4: "4321",
        birthDate: new Date("2005-03-01T00:00:00Z"),
        joinedAt: new Date("2026-11-01T00:00:00Z"),
        duesCategory: "STUDENT",
        orgId: branch.id,
      },
    });
    const qian = await chatAsMember(app, "202611000301");
    const [ask] = await qian.chat.say("我找到工作了，月薪一万");
    expect(ask!.text).toContain("可选 2026年11月 至 2027年2月");
    expect((await qian.chat.say("本月"))[0]!.text).toContain("请核对：自 2026年11月 起");
    expect((await qian.chat.say("提交"))[0]!.text).toContain("王芳");
    const change = await db.duesChange.findFirstOrThrow({ where: { memberId: qian.member.id } });
    // November is paid in cash meanwhile, at the student's rate.
    const payment = await db.duesPayment.create({
      data: {
        memberId: qian.member.id,
        reference: "TF-CIRC01",
        method: "CASH",
        status: "CONFIRMED",
        months: 1,
        amountFen: 20,
      },
    });
    await db.duesMonth.create({
      data: { memberId: qian.member.id, month: 202611, amountFen: 20, paymentId: payment.id },
    });
    const [refused] = await wang.chat.press(`circ-ok:${change.id}`);
    expect(refused!.text).toBe(
      "钱新 在此期间已缴费，变化不能再从 2026年11月 开始（最早 2026年12月）。没有做任何更改；请退回并说明，让本人重新报告月份。",
    );
    expect(payloads(refused)).toEqual([`circ-no:${change.id}`]);
    expect((await db.duesChange.findUniqueOrThrow({ where: { id: change.id } })).status).toBe("PENDING");
    expect((await db.member.findUniqueOrThrow({ where: { id: qian.member.id } })).duesCategory).toBe("STUDENT");
    // Sent back with the offered reason; 钱新 may report December on.
    await wang.chat.press(`circ-no:${change.id}`);
    expect((await wang.chat.press(`circ-why:${change.id}:month`))[0]!.text).toContain("已退回 钱新 的申请");
    const [told] = await rows("circumstance-member-rejected", qian.member.id);
    expect(render(told!)).toContain("理由：生效月份不对");
    expect((await qian.chat.say("我找到工作了，月薪一万"))[0]!.text).toContain("可选 2026年12月 至 2027年2月");
  });
});

describe("nobody bound to confirm", () => {
  it("goes to the committee above when the branch's 团支书 has no chat, and says so", async () => {
    const chen = await chatAsMember(app, "201701000003"); // SCUT committee staff
    await db.chatIdentity.updateMany({ where: { memberId: wang.member.id }, data: { blocked: true } });
    const [ask] = await huang.chat.say("/change");
    expect(ask!.text).toContain("你现在的情况是");
    await huang.chat.press("circ-cat:SALARIED");
    await huang.chat.say("六千");
    const [summary] = await huang.chat.press("circ-month:202612");
    expect(summary!.text).toContain("你的团支部暂时没有团支书使用团助，由上级 华南理工大学团委 的 陈刚 确认。");
    const [sent] = await huang.chat.press("circ-send:yes");
    expect(sent!.text).toContain("陈刚");
    expect(await rows("circumstance-leader-request", chen.member.id)).toHaveLength(1);
    await db.chatIdentity.updateMany({ where: { memberId: wang.member.id }, data: { blocked: false } });
  });

  it("keeps the request and says so when no leader on the path uses Tuanzhu; /changes finds it later", async () => {
    const zhao = await chatAsMember(app, "202101000006", { locale: "en" }); // 石牌街道社区团支部
    // 吴昊 of the district committee is the only leader above with a chat: without it, nobody can be told.
    await db.chatIdentity.updateMany({ where: { memberId: wu.member.id }, data: { blocked: true } });
    const [ask] = await zhao.chat.say("I started a job");
    expect(ask!.text).toContain("What is your monthly pay after tax");
    const [month] = await zhao.chat.say("7500");
    expect(month!.text).toContain("From which month");
    const [summary] = await zhao.chat.say("next month");
    expect(summary!.text).toContain("Neither your branch nor the organisations above have a leader using Tuanzhu yet");
    const [kept] = await zhao.chat.say("yes");
    expect(kept!.text).toContain("📥 Your request is kept.");
    const change = await db.duesChange.findFirstOrThrow({ where: { memberId: zhao.member.id } });
    expect(change.status).toBe("PENDING");
    expect(
      await db.outboxMessage.count({
        where: { messageKey: "circumstance-leader-request", args: { path: ["changeId"], equals: change.id } },
      }),
    ).toBe(0);
    expect(await zhao.chat.text("/dues")).toContain("Change of circumstance waiting for confirmation");
    // 吴昊 comes back later: the kept request is in his list, with its buttons.
    await db.chatIdentity.updateMany({ where: { memberId: wu.member.id }, data: { blocked: false } });
    const [list] = await wu.chat.say("/changes");
    expect(list!.text).toContain("赵磊");
    expect(payloads(list)).toEqual([`circ-ok:${change.id}`, `circ-no:${change.id}`]);
    // The member withdraws it; a second tap says there is nothing left.
    expect((await zhao.chat.press(`circ-withdraw:${change.id}`))[0]!.text).toBe(
      "Your reported change is withdrawn; your dues stay as they are.",
    );
    expect((await zhao.chat.press(`circ-withdraw:${change.id}`))[0]!.text).toContain("There is nothing to withdraw");
  });
});

describe("after an employment transfer", () => {
  it("asks once whether the dues category should change; yes starts the report, no changes nothing", async () => {
    const zhang = await chatAsMember(app, "201801000004"); // 张伟 of 西华 (Tianhe)
    const sun = await chatAsMember(app, "201901000009"); // 团支书 of 西华
    const dest = await db.organisation.findUniqueOrThrow({ where: { code: "GD-GZ-TH-SP-01" } });
    const submitted = await submitTransfer(app.deps, {
      memberId: zhang.member.id,
      initiatorId: zhang.member.id,
      toOrgId: dest.id,
      reason: "EMPLOYED_WITHOUT_LEAGUE_ORG",
    });
    if (!submitted.ok) throw new Error(submitted.problem);
    const sender = await db.transferStep.findFirstOrThrow({ where: { transferId: submitted.transferId } });
    await decideStep(app.deps, sun.member.id, sender.id, { action: "approve" });
    const receiver = await db.transferStep.findFirstOrThrow({
      where: { transferId: submitted.transferId, status: "PENDING" },
    });
    expect((await decideStep(app.deps, wu.member.id, receiver.id, { action: "approve" })).ok).toBe(true);
    expect((await db.transferRequest.findUniqueOrThrow({ where: { id: submitted.transferId } })).status).toBe(
      "COMPLETED",
    );
    const asked = await rows("circumstance-after-transfer", zhang.member.id);
    expect(asked).toHaveLength(1);
    expect(render(asked[0]!)).toBe(
      "你的组织关系已转入 石牌街道社区团支部。开始工作后，团费类别可能需要变更（学生 / 在职 / 无收入）。要现在报告吗？",
    );
    expect(rowPayloads(asked[0]!)).toEqual([
      `circ-after:${submitted.transferId}:yes`,
      `circ-after:${submitted.transferId}:no`,
    ]);
    // The same completion again (a retry) writes nothing.
    const { askAfterTransfer } = await import("../../../bot/features/circumstance/after-transfer.ts");
    const transfer = await db.transferRequest.findUniqueOrThrow({ where: { id: submitted.transferId } });
    expect(await db.$transaction((tx) => askAfterTransfer(tx, app.deps.outbox, transfer, dest.name))).toEqual([]);
    expect(await rows("circumstance-after-transfer", zhang.member.id)).toHaveLength(1);

    const [no] = await zhang.chat.press(`circ-after:${submitted.transferId}:no`);
    expect(no!.text).toContain("团费类别保持不变");
    const [yes] = await zhang.chat.press(`circ-after:${submitted.transferId}:yes`);
    expect(yes!.text).toContain("你现在的情况是");
    expect(payloads(yes)).toContain("circ-cat:SALARIED");
    // Someone else's transfer: expired, with a way to start.
    const [forged] = await li.chat.press(`circ-after:${submitted.transferId}:yes`);
    expect(forged!.text).toContain("这个问题已过期");
    // A study transfer asks nothing.
    expect(await db.outboxMessage.count({ where: { messageKey: "circumstance-after-transfer" } })).toBe(1);
  });
});
