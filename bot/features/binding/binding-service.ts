// Binding a chat identity to a member record: by answering three questions or with a leader's one-time code.
// Every outcome is decided here (locks, checks, the transaction, audit and outbox); the dialog only talks.
import { randomBytes } from "node:crypto";
import type { CoreDeps } from "../../core/feature.ts";
import { type ChatIdentity, type Member, Prisma, Role } from "../../infra/db.ts";
import { keyedHash, sameSecret } from "../../infra/keyed-hash.ts";
import { maskMemberCode } from "../membership/member-code.ts";
import { canAct, rolesOf } from "../orgs/scope.ts";
import { createLockout, type LockSubject } from "./lockout.ts";
import { attemptsLeft, CODE_VALID_MS, codeFromBytes, LOCK_MS } from "./rules.ts";

/** Roles that may hand out one-time codes, each within its organisation's subtree (not treasurers). */
export const ISSUER_ROLES: Role[] = [Role.BRANCH_SECRETARY, Role.COMMITTEE_STAFF, Role.ADMIN];

export type BindMethod = "details" | "code";

export type BindResult =
  | { kind: "bound"; member: Pick<Member, "id" | "name">; revokedIdentityId: number | null }
  | { kind: "already-bound" }
  | { kind: "locked"; until: Date }
  | { kind: "wrong" | "code-used" | "code-expired"; attemptsLeft: number };

export type IssueResult =
  | { kind: "created"; code: string; member: Pick<Member, "id" | "name" | "code">; expiresAt: Date }
  | { kind: "not-leader" }
  | { kind: "out-of-scope" }
  | { kind: "own" };

export interface DetailsAnswer {
  memberCode: string;
  name: string;
  idLast4: string;
}

type Target = Pick<Member, "id" | "name" | "code" | "orgId">;
const targetFields = { id: true, name: true, code: true, orgId: true } as const;

export function createBindingService(deps: CoreDeps, random: (n: number) => Uint8Array = randomBytes) {
  const { db, audit, outbox, config } = deps;
  const lockout = createLockout(deps.redis, config.REDIS_PREFIX, deps.now);
  const chat = (identity: ChatIdentity): LockSubject => ({ kind: "identity", id: identity.id });
  const memberSubject = (memberId: number): LockSubject => ({ kind: "member", id: memberId });
  const chatLabel = (identity: ChatIdentity) => `identity:${identity.id}`;

  /** Counts a failure against the chat (and the member, when the answer named one), locking at the limit. */
  async function fail(
    identity: ChatIdentity,
    reason: "wrong" | "code-used" | "code-expired",
    method: BindMethod,
    target: Target | null,
  ): Promise<BindResult> {
    await audit.record({
      actorLabel: chatLabel(identity),
      action: "binding.failed",
      orgId: target?.orgId ?? null,
      ...(target ? { targetType: "member", targetId: target.id } : {}),
      data: { method, reason, platform: identity.platform },
    });
    const chatOutcome = await lockout.recordFailure(chat(identity));
    // Only the details route names a member by answers that may be guesses; a code's failure is the chat's.
    const memberOutcome = target && method === "details" ? await lockout.recordFailure(memberSubject(target.id)) : null;

    if (chatOutcome.newlyLocked) {
      await audit.record({
        actorLabel: chatLabel(identity),
        action: "binding.locked",
        targetType: "chat-identity",
        targetId: identity.id,
        data: { scope: "chat", until: chatOutcome.newlyLocked.toISOString() },
      });
    }
    if (target && memberOutcome?.newlyLocked) await alertLockedMember(identity, target, memberOutcome.newlyLocked);

    const until = chatOutcome.newlyLocked ?? memberOutcome?.newlyLocked;
    if (until) return { kind: "locked", until };
    return { kind: reason, attemptsLeft: attemptsLeft(chatOutcome.failures) };
  }

  /** The member's 团支书 hears of the lock (never the ID number), in the same transaction as the audit entry. */
  async function alertLockedMember(identity: ChatIdentity, target: Target, until: Date) {
    const ids = await db.$transaction(async (tx) => {
      const secretaries = await tx.roleAssignment.findMany({
        where: { orgId: target.orgId, role: Role.BRANCH_SECRETARY },
        select: { memberId: true },
      });
      const written: bigint[] = [];
      for (const s of secretaries) {
        written.push(
          ...(await outbox.toMember(tx, s.memberId, {
            messageKey: "binding-lock-alert",
            args: { name: target.name, code: maskMemberCode(target.code), minutes: LOCK_MS / 60_000 },
          })),
        );
      }
      await audit.record(
        {
          actorLabel: chatLabel(identity),
          action: "binding.locked",
          orgId: target.orgId,
          targetType: "member",
          targetId: target.id,
          data: { scope: "member", until: until.toISOString(), alerted: secretaries.map((s) => s.memberId) },
        },
        tx,
      );
      return written;
    });
    await outbox.dispatch(ids);
  }

  /**
   * Binds in one transaction: the member row is locked so two chats cannot race, the member's older identity on
   * this platform is revoked and told so, the code (if any) is spent, and the binding is audited.
   */
  async function bind(identity: ChatIdentity, target: Target, method: BindMethod, codeId?: number) {
    const now = deps.now();
    const outcome = await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM members WHERE id = ${target.id} FOR UPDATE`;
      if (codeId !== undefined) {
        const spent = await tx.bindingCode.updateMany({
          where: { id: codeId, usedAt: null, expiresAt: { gt: now } },
          data: { usedAt: now },
        });
        if (spent.count !== 1) return { kind: "code-spent" as const };
      }
      const current = await tx.chatIdentity.findUniqueOrThrow({ where: { id: identity.id } });
      if (current.memberId !== null) return { kind: "already-bound" as const };

      const previous = await tx.chatIdentity.findFirst({
        where: { memberId: target.id, platform: identity.platform, NOT: { id: identity.id } },
        select: { id: true },
      });
      const ids: bigint[] = [];
      if (previous) {
        await tx.chatIdentity.update({ where: { id: previous.id }, data: { memberId: null, boundAt: null } });
        const id = await outbox.toIdentity(tx, previous.id, { messageKey: "binding-revoked", urgent: true });
        if (id !== null) ids.push(id);
      }
      await tx.chatIdentity.update({ where: { id: identity.id }, data: { memberId: target.id, boundAt: now } });
      await audit.record(
        {
          actorId: target.id,
          action: "binding.bound",
          orgId: target.orgId,
          targetType: "chat-identity",
          targetId: identity.id,
          data: {
            method,
            platform: identity.platform,
            ...(codeId !== undefined ? { codeId } : {}),
            ...(previous ? { revokedIdentityId: previous.id } : {}),
          },
        },
        tx,
      );
      return { kind: "bound" as const, ids, revokedIdentityId: previous?.id ?? null };
    });
    if (outcome.kind !== "bound") return outcome;
    await outbox.dispatch(outcome.ids);
    await lockout.clearFailures(chat(identity), memberSubject(target.id));
    return outcome;
  }

  async function issuerRoles(actor: Member) {
    return (await rolesOf(db, actor.id)).filter((g) => ISSUER_ROLES.includes(g.role));
  }

  async function deny(
    actor: Member,
    reason: "not-leader" | "out-of-scope" | "no-such-member" | "own-record",
    target?: Target,
  ) {
    await audit.record({
      actorId: actor.id,
      action: "binding.code-denied",
      orgId: target?.orgId ?? null,
      ...(target ? { targetType: "member", targetId: target.id } : {}),
      data: { reason },
    });
  }

  return {
    lockout,

    /** When binding is locked for this chat, or null. */
    chatLockedUntil(identity: ChatIdentity) {
      return lockout.lockedUntil(chat(identity));
    },

    /** When binding to the member with this 编号 is locked, or null (also when there is no such member). */
    async memberLockedUntil(memberCode: string) {
      const member = await db.member.findUnique({ where: { code: memberCode }, select: { id: true } });
      return member ? lockout.lockedUntil(memberSubject(member.id)) : null;
    },

    /** The three answers against the record; a wrong one does not say which. */
    async bindByDetails(identity: ChatIdentity, answer: DetailsAnswer): Promise<BindResult> {
      const chatLock = await lockout.lockedUntil(chat(identity));
      if (chatLock) return { kind: "locked", until: chatLock };
      const member = await db.member.findUnique({
        where: { code: answer.memberCode },
        select: { ...targetFields, idLast4: true },
      });
      if (member) {
        const memberLock = await lockout.lockedUntil(memberSubject(member.id));
        if (memberLock) return { kind: "locked", until: memberLock };
      }
      // Both comparisons run whatever the first says, and against a stand-in when there is no such member.
      const nameOk = (member?.name.trim() ?? "") === answer.name;
      const idOk = sameSecret((member?.idLast4 ?? "----").toUpperCase(), answer.idLast4);
      if (!member || !nameOk || !idOk) return fail(identity, "wrong", "details", member);
      const bound = await bind(identity, member, "details");
      if (bound.kind === "bound") {
        return {
          kind: "bound",
          member: { id: member.id, name: member.name },
          revokedIdentityId: bound.revokedIdentityId,
        };
      }
      return { kind: "already-bound" };
    },

    /** A leader's one-time code (already normalised). */
    async bindByCode(identity: ChatIdentity, code: string): Promise<BindResult> {
      const chatLock = await lockout.lockedUntil(chat(identity));
      if (chatLock) return { kind: "locked", until: chatLock };
      const row = await db.bindingCode.findUnique({
        where: { codeHash: keyedHash(config.ID_HASH_SECRET, code) },
        include: { member: { select: targetFields } },
      });
      if (!row) return fail(identity, "wrong", "code", null);
      if (row.usedAt) return fail(identity, "code-used", "code", row.member);
      if (row.expiresAt <= deps.now()) return fail(identity, "code-expired", "code", row.member);
      const memberLock = await lockout.lockedUntil(memberSubject(row.memberId));
      if (memberLock) return { kind: "locked", until: memberLock };
      const bound = await bind(identity, row.member, "code", row.id);
      if (bound.kind === "bound") {
        return { kind: "bound", member: row.member, revokedIdentityId: bound.revokedIdentityId };
      }
      if (bound.kind === "code-spent") return fail(identity, "code-used", "code", row.member);
      return { kind: "already-bound" };
    },

    /** Whether the actor may issue codes at all; a refusal is audited. */
    async mayIssue(actor: Member): Promise<boolean> {
      if ((await issuerRoles(actor)).length) return true;
      await deny(actor, "not-leader");
      return false;
    },

    /** A one-time code for a member in the actor's subtree; only its keyed hash is stored. */
    async issueCode(actor: Member, memberCode: string): Promise<IssueResult> {
      const roles = await issuerRoles(actor);
      if (!roles.length) {
        await deny(actor, "not-leader");
        return { kind: "not-leader" };
      }
      const target = await db.member.findUnique({
        where: { code: memberCode },
        select: { ...targetFields, org: { select: { ancestorIds: true } } },
      });
      // A code for oneself would let another chat account (anyone's) take over the leader's own record.
      if (target?.id === actor.id) {
        await deny(actor, "own-record", target);
        return { kind: "own" };
      }
      if (!target || !canAct(roles, target.org.ancestorIds, ISSUER_ROLES)) {
        await deny(actor, target ? "out-of-scope" : "no-such-member", target ?? undefined);
        return { kind: "out-of-scope" };
      }
      const expiresAt = new Date(deps.now().getTime() + CODE_VALID_MS);
      // 40 random bits rarely collide; when they do, the unique hash refuses and we draw again.
      for (let attempt = 0; ; attempt++) {
        const code = codeFromBytes(random(8));
        try {
          await db.$transaction(async (tx) => {
            const row = await tx.bindingCode.create({
              data: {
                codeHash: keyedHash(config.ID_HASH_SECRET, code),
                memberId: target.id,
                createdById: actor.id,
                expiresAt,
              },
            });
            await audit.record(
              {
                actorId: actor.id,
                action: "binding.code-created",
                orgId: target.orgId,
                targetType: "member",
                targetId: target.id,
                data: { codeId: row.id, expiresAt: expiresAt.toISOString() },
              },
              tx,
            );
          });
          return { kind: "created", code, member: target, expiresAt };
        } catch (error) {
          const duplicate = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
          if (!duplicate || attempt >= 2) throw error;
        }
      }
    },

    /** Unbinds this chat if it is still bound to `memberId` (an old confirmation button does nothing). */
    async unbind(identity: ChatIdentity, memberId: number): Promise<boolean> {
      return db.$transaction(async (tx) => {
        const done = await tx.chatIdentity.updateMany({
          where: { id: identity.id, memberId },
          data: { memberId: null, boundAt: null },
        });
        if (done.count !== 1) return false;
        const member = await tx.member.findUnique({ where: { id: memberId }, select: { orgId: true } });
        await audit.record(
          {
            actorId: memberId,
            action: "binding.unbound",
            orgId: member?.orgId ?? null,
            targetType: "chat-identity",
            targetId: identity.id,
            data: { platform: identity.platform },
          },
          tx,
        );
        return true;
      });
    },
  };
}
export type BindingService = ReturnType<typeof createBindingService>;
