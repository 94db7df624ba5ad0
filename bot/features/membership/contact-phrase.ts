// "团支书王芳（计科2022级1班团支部）", or "your branch secretary" when nobody is on record or the chat is unbound.
import type { Context } from "../../core/feature.ts";
import type { Translate } from "../../core/i18n.ts";
import { type Member, Prisma } from "../../infra/db.ts";
import { type FactValues, readFacts } from "../../infra/facts.ts";
import { type Contact, contactAmong, contactCandidatesFact } from "../orgs/contacts.ts";

export function contactPhrase(t: Translate, contact: Contact | undefined): string {
  return contact
    ? t("membership-contact", { role: contact.role, name: contact.name, org: contact.orgName })
    : t("membership-contact-unknown");
}

/** What the asker's contact is chosen from: facts, to be read beside a view's other facts. */
export function askerContactFacts(member: Pick<Member, "id" | "orgId">) {
  const ancestorIds = Prisma.sql`SELECT ancestor_ids FROM organisations WHERE id = ${member.orgId}`;
  return {
    contactAncestors: { sql: ancestorIds, parse: (value: unknown) => (value as number[] | null) ?? [] },
    contactCandidates: contactCandidatesFact(ancestorIds, member.id),
  };
}

export function askerContactFrom(t: Translate, facts: FactValues<ReturnType<typeof askerContactFacts>>): string {
  return contactPhrase(t, contactAmong(facts.contactCandidates, facts.contactAncestors));
}

/** Whom the asker should turn to, as a phrase. */
export async function askerContact(ctx: Context): Promise<string> {
  const member = ctx.member;
  if (!member) return contactPhrase(ctx.t, undefined);
  return askerContactFrom(ctx.t, await readFacts(ctx.deps.db, askerContactFacts(member)));
}
