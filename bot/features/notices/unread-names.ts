// Who has not read a notice, by name, for the branches a sender looks at: the people behind 谁没读's counts.
import type { Db } from "../../infra/db.ts";

export interface UnreadNames {
  /** Has not confirmed (delivered, waiting or failed). */
  unread: string[];
  /** Could not be reached: no chat bound. */
  unreachable: string[];
}

/** The first `take` names of each kind in one branch, by member id. */
export async function unreadNames(db: Db, noticeId: number, orgId: number, take: number): Promise<UnreadNames> {
  const names = (status: "unread" | "unreachable") =>
    db.noticeDelivery
      .findMany({
        where: {
          noticeId,
          orgId,
          status: status === "unreachable" ? "UNREACHABLE" : { notIn: ["READ", "UNREACHABLE"] },
        },
        select: { member: { select: { name: true } } },
        orderBy: { memberId: "asc" },
        take,
      })
      .then((rows) => rows.map((r) => r.member.name));
  const [unread, unreachable] = await Promise.all([names("unread"), names("unreachable")]);
  return { unread, unreachable };
}
