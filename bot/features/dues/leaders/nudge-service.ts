// 催交: a leader has the bot remind the members of an organisation who owe dues. Who owes comes from the ledger
// /duesbranch reads; those with a chat get one message each, not again within a day however often it is asked
// (their reminder stamp, which the monthly campaign honours too), and those without are named for the leader to
// remind in person. The stamps, the messages and the audit entry commit together.
import type { CoreDeps } from "../../../core/feature.ts";
import type { Db, Prisma } from "../../../infra/db.ts";
import { branchCollection } from "./collection-service.ts";

type Tx = Prisma.TransactionClient | Db;

export const NUDGE_MESSAGE = "duesleaders-nudge-member";
/** Someone reminded this recently (by a leader or the monthly reminder) is left alone. */
export const NUDGE_QUIET_MS = 24 * 60 * 60 * 1000;

export interface Owing {
  id: number;
  name: string;
  owedMonths: number;
  owedFen: number;
}

export interface NudgePlan {
  /** Bound to a chat and not reminded lately: these get the message. */
  reachable: Owing[];
  /** Bound, but reminded within NUDGE_QUIET_MS. */
  recent: Owing[];
  /** No chat with the bot: the leader reminds them in person. */
  unbound: Owing[];
}

/** The organisation's active members who owe (the asking leader aside: they know), sorted most owed first. */
export async function nudgePlan(db: Tx, orgId: number, actorId: number, now: Date, timeZone: string) {
  const collection = await branchCollection(db, orgId, now, timeZone);
  const owing = collection.members
    .filter((m) => m.owedMonths > 0 && m.id !== actorId)
    .sort((a, b) => b.owedMonths - a.owedMonths || a.code.localeCompare(b.code));
  const ids = owing.map((m) => m.id);
  const [chats, stamps] = await Promise.all([
    db.chatIdentity.findMany({ where: { memberId: { in: ids }, blocked: false }, select: { memberId: true } }),
    db.member.findMany({ where: { id: { in: ids } }, select: { id: true, duesRemindedAt: true } }),
  ]);
  const bound = new Set(chats.map((c) => c.memberId));
  const remindedAt = new Map(stamps.map((s) => [s.id, s.duesRemindedAt]));
  const plan: NudgePlan = { reachable: [], recent: [], unbound: [] };
  for (const m of owing) {
    const entry = { id: m.id, name: m.name, owedMonths: m.owedMonths, owedFen: m.owedFen };
    const last = remindedAt.get(m.id);
    if (!bound.has(m.id)) plan.unbound.push(entry);
    else if (last && now.getTime() - last.getTime() < NUDGE_QUIET_MS) plan.recent.push(entry);
    else plan.reachable.push(entry);
  }
  return plan;
}

/**
 * Sends the reminders of the plan as it stands now (a second tap finds everyone reminded and sends nothing). The
 * plan is read before the transaction (a large organisation's ledger takes a while); the stamp decides who is sent.
 * `actor.name` and `org.name` are what the members read.
 */
export async function sendNudges(
  deps: Pick<CoreDeps, "db" | "outbox" | "audit" | "now" | "config">,
  actor: { id: number; name: string },
  org: { id: number; name: string },
): Promise<NudgePlan> {
  const { db, outbox, audit, config } = deps;
  const now = deps.now();
  const plan = await nudgePlan(db, org.id, actor.id, now, config.TZ);
  const { outcome, written } = await db.$transaction(async (tx) => {
    const ids = plan.reachable.map((m) => m.id);
    // Stamped first, only while still unstamped: two leaders pressing at once remind each member once.
    const stamped = await tx.member.updateManyAndReturn({
      where: {
        id: { in: ids },
        OR: [{ duesRemindedAt: null }, { duesRemindedAt: { lte: new Date(now.getTime() - NUDGE_QUIET_MS) } }],
      },
      data: { duesRemindedAt: now },
      select: { id: true },
    });
    const mine = new Set(stamped.map((s) => s.id));
    const sent = plan.reachable.filter((m) => mine.has(m.id));
    const written = await outbox.toMembers(
      tx,
      sent.map((m) => ({
        memberId: m.id,
        message: {
          messageKey: NUDGE_MESSAGE,
          args: { memberId: m.id, leader: actor.name, org: org.name, months: m.owedMonths, owedFen: m.owedFen },
          buttons: [[{ labelKey: "duesleaders-button-my-dues", payload: "go:dues.status" }]],
        },
      })),
    );
    const outcome = {
      ...plan,
      reachable: sent,
      recent: [...plan.recent, ...plan.reachable.filter((m) => !mine.has(m.id))],
    };
    await audit.record(
      {
        actorId: actor.id,
        action: "duesleaders.nudge",
        orgId: org.id,
        data: { reminded: sent.length, recent: outcome.recent.length, unbound: plan.unbound.length },
      },
      tx,
    );
    return { outcome, written };
  });
  await outbox.dispatch(written);
  return outcome;
}
