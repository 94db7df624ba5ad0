// What a campaign kind declares (团籍注册, 教育评议, 推优入党, …): the engine does audience, period, reminders,
// per-member results, completion and closing; a kind says only what members are asked and what leaders decide.
// This interface is shared by every kind: keep it stable. A kind is registered in kinds/index.ts and needs these
// catalogue messages (locales/*/campaigns.ftl; $label, $org, $closes are given where noted):
//   campaigns-<name>-title ($label)            the campaign's name ("2026 年度团籍注册")
//   campaigns-<name>-open, -remind ($label $org $closes)   the opening message and the reminder (broadcasts)
//   campaigns-<name>-choice-<choice>           each answer button; campaigns-<name>-decision-<code> each decision
//   campaigns-<name>-decided-<code> ($label $org $reason)  what a member is told about a decision
//   plus the keys its describeResponse, answer ("ask") and hints return.
import type { z } from "zod";
import type { Config } from "../../config.ts";
import type { Db, Prisma, Role } from "../../infra/db.ts";

/** A catalogue message with its arguments (rendered in the reader's language). */
export interface Said {
  key: string;
  args?: Record<string, string | number>;
}

/** What one tap (or typed answer) of a member leads to. */
export type AnswerStep =
  /** Stored as the member's response (validated with the kind's `response` schema). */
  | { kind: "response"; response: Record<string, unknown> }
  /** A further question: its buttons are more of the kind's answer choices. */
  | { kind: "ask"; said: Said; choices: readonly string[] }
  /** A short text typed next (a self-assessment): read into the response, or a problem said and asked again. */
  | { kind: "text"; said: Said; read(text: string): { response: Record<string, unknown> } | { problem: Said } };

/** A leader's batch as the engine is about to store it: one decision for entries in the leader's scope. */
export interface DecisionBatch {
  campaignId: number;
  decision: string;
  /** Each member decided, with the organisation their entry is counted in (their branch at opening). */
  entries: { memberId: number; orgId: number }[];
  config: Config;
}

export interface HintContext {
  db: Db;
  /** The campaign's opening day, and today in TZ (yyyymm months and dates as the kind needs). */
  today: Date;
  timeZone: string;
}

export interface CampaignKind {
  /** Stored in `campaigns.kind`; also the middle of every catalogue key (`campaigns-<name>-…`). */
  name: string;
  /** Roles that may open one (over the organisation it is opened from). */
  openRoles: readonly Role[];
  /** Roles that may decide for a member (over the member's organisation). */
  decideRoles: readonly Role[];
  /** A member is done when they answered, or only when a leader decided. */
  doneWhen: "response" | "decision";
  /** The member's answer, stored in `campaign_entries.response`. */
  response: z.ZodType<Record<string, unknown>>;
  /** Answer choices (button words, `[a-z-]`), the first offered in the opening message and reminders. */
  firstChoices: readonly string[];
  /** Every answer choice and what it leads to. */
  answer(choice: string): AnswerStep | null;
  /** Typed words for each choice ("确认", "没变化"), tried before buttons' labels. */
  choiceWords: Readonly<Record<string, readonly string[]>>;
  /** Leaders' decision codes (`[a-z-]`), in button order. */
  decisions: readonly string[];
  /** Decisions that need a reason typed by the leader. */
  reasonRequired: readonly string[];
  /** Typed words for each decision ("注册", "暂缓"). */
  decisionWords: Readonly<Record<string, readonly string[]>>;
  /** Hints shown beside each member's name to deciders: facts, never decisions. */
  hints?(ctx: HintContext, memberIds: number[]): Promise<Map<number, Said[]>>;
  /**
   * Asked inside the decision's transaction before anything is stored: a refusal stops the whole batch and is said
   * to the leader (教育评议's 优秀 quota, 推优's meeting record). Absent = every decision in scope stands.
   */
  vetDecisions?(tx: Prisma.TransactionClient, batch: DecisionBatch): Promise<Said | null>;
  /** How a stored response reads to a leader (one short line). */
  describeResponse(response: Record<string, unknown>): Said;
}
