// Proactive activity messages. Every one of them carries only the activity's id and the time zone: the title,
// place and times are read when each copy is sent, so an edit made before delivery is what members see.
import type { CoreDeps } from "../../core/feature.ts";
import type { Db, Prisma, SignupStatus } from "../../infra/db.ts";
import { formatHours } from "../volunteer/rules.ts";
import { whenArgs } from "./rules.ts";

type Tx = Prisma.TransactionClient | Db;

export const PUBLISHED_MESSAGE = "activities-published";
export const REMINDER_MESSAGES = { "24h": "activities-reminder-day", "1h": "activities-reminder-hour" } as const;
export const CANCELLED_MESSAGE = "activities-cancelled-notice";
export const PROMOTED_MESSAGE = "activities-promoted";
export const CHANGED_MESSAGE = "activities-changed";

export type ButtonRows = { labelKey: string; payload: string }[][];

export const joinButtons = (activityId: number): ButtonRows => [
  [{ labelKey: "activities-button-join", payload: `act-join:${activityId}` }],
];
export const leaveButtons = (activityId: number): ButtonRows => [
  [{ labelKey: "activities-button-leave", payload: `act-leave:${activityId}` }],
];

export const messageArgs = (deps: Pick<CoreDeps, "config">, activityId: number) => ({
  activityId,
  tz: deps.config.TZ,
});

/** An invitation or reminder held back (quiet hours) is dropped unsent if the activity was cancelled meanwhile. */
export async function activityStillOn(db: Db, args: Record<string, unknown>): Promise<boolean> {
  const activity = await db.activity.findUnique({ where: { id: Number(args.activityId) }, select: { status: true } });
  return activity?.status === "PUBLISHED";
}

/** What every activity message shows, loaded at send time. */
export async function activityArgs(db: Db, args: Record<string, unknown>): Promise<Record<string, string | number>> {
  const activity = await db.activity.findUniqueOrThrow({
    where: { id: Number(args.activityId) },
    include: { org: { select: { name: true, shortName: true } } },
  });
  const tz = typeof args.tz === "string" ? args.tz : "Asia/Shanghai";
  return {
    id: activity.id,
    title: activity.title,
    place: activity.place,
    org: activity.org.shortName ?? activity.org.name,
    capacity: activity.capacity,
    hours: formatHours(activity.serviceMinutes),
    credit: activity.serviceMinutes > 0 ? "yes" : "no",
    ...whenArgs("starts", activity.startsAt, tz),
    ...whenArgs("deadline", activity.signupDeadline, tz),
  };
}

/**
 * One outbox row per chat identity of every member whose sign-up has one of `statuses`, in one statement.
 * `dedupe` names the occasion: a re-run for the same occasion writes nothing twice.
 */
export async function notifySignups(
  tx: Tx,
  activityId: number,
  statuses: SignupStatus[],
  message: {
    messageKey: string;
    args: Record<string, string | number>;
    buttons?: ButtonRows;
    urgent?: boolean;
    dedupe: string;
  },
): Promise<bigint[]> {
  const buttons = message.buttons ? JSON.stringify(message.buttons) : null;
  const rows = await tx.$queryRaw<{ id: bigint }[]>`
    INSERT INTO outbox_messages (identity_id, message_key, args, buttons, urgent, dedupe_key)
    SELECT ci.id, ${message.messageKey}, ${JSON.stringify(message.args)}::jsonb, ${buttons}::jsonb,
           ${message.urgent ?? false}, ${message.dedupe} || ':identity:' || ci.id
    FROM activity_signups s JOIN chat_identities ci ON ci.member_id = s.member_id AND NOT ci.blocked
    WHERE s.activity_id = ${activityId} AND s.status::text = ANY(${statuses}::text[])
    ORDER BY s.id
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id`;
  return rows.map((r) => r.id);
}
