// 入团 in chat: a person not yet a member applies (/join, "我要入团") and follows it ("我的入团申请到哪一步了");
// the 团支书 and the committee above take each step from /applicants or the step's own notice and nudges, which come
// from the one step machine shared with transfers (sla-source.ts). Tuanzhu runs the process beside 智慧团建; the
// 编号 智慧团建 issues is typed in at the end.
import type { Action, Feature } from "../../core/feature.ts";
import { applyButtons, applyDialogs, join } from "./apply.ts";
import { applicants, leaderButtons, leaderDialogs } from "./leaders.ts";
import { joinSlaDelivery } from "./sla-source.ts";
import { showStatus } from "./status.ts";

const applyAction: Action = { intent: "join.apply", handler: join, needsMember: false };
const statusAction: Action = { intent: "join.status", handler: showStatus, needsMember: false };
const applicantsAction: Action = { intent: "join.applicants", handler: applicants, needsMember: true };

export const joiningFeature: Feature = {
  name: "joining",
  commands: { join: applyAction, joinstatus: statusAction, applicants: applicantsAction },
  buttons: { ...applyButtons, ...leaderButtons },
  intents: { "join.apply": applyAction, "join.status": statusAction },
  dialogs: { ...applyDialogs, ...leaderDialogs },
  delivery: joinSlaDelivery,
};
