// What typed words pick among the buttons last offered: the number, the label, a close synonym — never a "no".
import { describe, expect, it } from "vitest";
import { pickChoice } from "../../bot/core/choices.ts";

const notice = [{ label: "收到", payload: "notice-read:7" }];
const approval = [
  { label: "同意", payload: "tr-approve:1" },
  { label: "退回", payload: "tr-reject:1" },
];
const menu = [
  { label: "我的团籍", payload: "go:membership.status" },
  { label: "团费", payload: "go:dues.status" },
  { label: "活动", payload: "go:activity.list" },
];
const activity = [{ label: "报名", payload: "act-join:3" }];

describe("picking an offered choice from typed words", () => {
  it("takes the number, with or without a dot", () => {
    expect(pickChoice(menu, "2")).toBe("go:dues.status");
    expect(pickChoice(menu, " 3. ")).toBe("go:activity.list");
    expect(pickChoice(menu, "4")).toBeUndefined();
  });

  it("takes 确认 / yes for the one confirming button, never 好的 for money, never one of two", () => {
    const summary = [
      { label: "确认提交", payload: "tr-submit:yes" },
      { label: "改转入组织", payload: "tr-submit:dest" },
      { label: "放弃", payload: "tr-submit:no" },
    ];
    for (const said of ["确认", "确定", "提交", "是的"]) expect(pickChoice(summary, said), said).toBe("tr-submit:yes");
    expect(pickChoice([{ label: "Submit", payload: "tr-submit:yes" }], "yes")).toBe("tr-submit:yes");
    const review = [
      { label: "确认到账", payload: "dues-ok:1" },
      { label: "驳回", payload: "dues-no:1" },
    ];
    expect(pickChoice(review, "好的")).toBeUndefined();
    const two = [
      { label: "确定为积极分子", payload: "j:a" },
      { label: "确定为发展对象", payload: "j:c" },
    ];
    expect(pickChoice(two, "确定")).toBeUndefined();
  });

  it("leaves a number alone where the number is the answer asked for, but still takes the words", () => {
    const extra = [
      { label: "不多缴", payload: "dues-extra:2:0" },
      { label: "多缴 1.00 元", payload: "dues-extra:2:100" },
    ];
    expect(pickChoice(extra, "2", { byNumber: false })).toBeUndefined();
    for (const said of ["不多缴", "不用了", "不要", "没有"]) {
      expect(pickChoice(extra, said, { byNumber: false }), said).toBe("dues-extra:2:0");
    }
    expect(pickChoice([{ label: "No extra", payload: "dues-extra:2:0" }], "no thanks")).toBe("dues-extra:2:0");
  });

  it("takes the label and close synonyms", () => {
    for (const said of ["收到", "收到了", "好的，收到", "已读", "知道了", "OK"]) {
      expect(pickChoice(notice, said), said).toBe("notice-read:7");
    }
    expect(pickChoice(approval, "批准")).toBe("tr-approve:1");
    expect(pickChoice(activity, "我要报名")).toBe("act-join:3");
  });

  it("does not take a no, another request that contains a label, or a long sentence", () => {
    expect(pickChoice(activity, "我不报名")).toBeUndefined();
    expect(pickChoice(approval, "不同意")).toBe("tr-reject:1");
    expect(pickChoice(menu, "发起活动")).toBeUndefined();
    expect(pickChoice(menu, "我的团费交到哪个月了呢请问一下")).toBeUndefined();
  });

  it("takes the start of one label when it is long enough to tell, never of two", () => {
    const hours = [
      { label: "按活动时长 2.5 小时", payload: "act-hours:150" },
      { label: "不计时长", payload: "act-hours:none" },
    ];
    expect(pickChoice(hours, "按活动时长")).toBe("act-hours:150");
    expect(pickChoice(hours, "按活")).toBeUndefined();
    const two = [
      { label: "计算机学院团总支", payload: "a:1" },
      { label: "计算机学院研究生团支部", payload: "a:2" },
    ];
    expect(pickChoice(two, "计算机学院")).toBeUndefined();
  });

  it("takes a part only one label has, with the words that point at it, never a part two share", () => {
    const places = [
      { label: "中山大学团委（共青团广州市委员会）", payload: "tr-dest:9" },
      { label: "中山大学计算机学院团总支（中山大学团委）", payload: "tr-dest:10" },
      { label: "不在列表中（手动填写）", payload: "tr-outside:start" },
    ];
    expect(pickChoice(places, "计算机学院那个")).toBe("tr-dest:10");
    expect(pickChoice(places, "选计算机学院的吧")).toBe("tr-dest:10");
    expect(pickChoice(places, "手动填写")).toBe("tr-outside:start");
    expect(pickChoice(places, "中山大学")).toBeUndefined();
    expect(pickChoice(places, "团委")).toBeUndefined();
    expect(pickChoice(places, "不是计算机学院")).toBeUndefined();
    expect(pickChoice(menu, "发起活动")).toBeUndefined();
  });

  it("takes the action of buttons titled with a number: alone when one is offered, with its number among several", () => {
    const one = [{ label: "报名 1.周六志愿服务", payload: "act-join:5" }];
    expect(pickChoice(one, "报名")).toBe("act-join:5");
    expect(pickChoice(one, "我要报名")).toBe("act-join:5");
    expect(pickChoice(one, "不报名")).toBeUndefined();
    const two = [
      { label: "报名 1.周六志愿服务", payload: "act-join:5" },
      { label: "报名 2.冬季长跑", payload: "act-join:6" },
    ];
    expect(pickChoice(two, "报名")).toBeUndefined();
    expect(pickChoice(two, "报名2")).toBe("act-join:6");
    expect(pickChoice(two, "报名第二个")).toBe("act-join:6");
    expect(pickChoice([{ label: "Sign up: 1. Winter run", payload: "act-join:6" }], "sign up")).toBe("act-join:6");
  });
});
