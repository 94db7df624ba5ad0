// Shared by the transfer stories: organisations by code, the outbox rows a person got, the buttons of a reply.
import type { Reply } from "../../../bot/core/types.ts";
import type { TestApp } from "../../helpers/test-app.ts";

export function transferHelpers(app: TestApp) {
  const { db } = app.deps;
  return {
    org: (code: string) => db.organisation.findUniqueOrThrow({ where: { code } }),
    member: (code: string) => db.member.findUniqueOrThrow({ where: { code } }),
    /** Outbox rows written for a member (any of their chats), oldest first. */
    outboxFor: (memberId: number, messageKey?: string) =>
      db.outboxMessage.findMany({
        where: { identity: { memberId }, ...(messageKey ? { messageKey } : {}) },
        orderBy: { id: "asc" },
      }),
    steps: (transferId: number) => db.transferStep.findMany({ where: { transferId }, orderBy: { seq: "asc" } }),
    events: (transferId: number) =>
      db.transferEvent
        .findMany({ where: { transferId }, orderBy: { id: "asc" } })
        .then((rows) => rows.map((e) => e.type)),
  };
}

export const payloads = (reply: Reply | undefined) => reply?.buttons?.flat().map((b) => b.payload) ?? [];
export const labels = (reply: Reply | undefined) => reply?.buttons?.flat().map((b) => b.label) ?? [];

/** The payloads of an outbox row's buttons. */
export const rowPayloads = (row: { buttons: unknown }) =>
  ((row.buttons ?? []) as { payload: string }[][]).flat().map((b) => b.payload);
