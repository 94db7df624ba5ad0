// "团支书王芳（计科2022级1班团支部）", or "your branch secretary" when nobody is on record or the chat is unbound.
import type { Context } from "../../core/feature.ts";
import type { Translate } from "../../core/i18n.ts";
import { type Contact, nearestContact } from "../orgs/contacts.ts";

export function contactPhrase(t: Translate, contact: Contact | undefined): string {
  return contact
    ? t("membership-contact", { role: contact.role, name: contact.name, org: contact.orgName })
    : t("membership-contact-unknown");
}

/** Whom the asker should turn to, as a phrase. */
export async function askerContact(ctx: Context): Promise<string> {
  const member = ctx.member;
  if (!member) return contactPhrase(ctx.t, undefined);
  const { db } = ctx.deps;
  const org = await db.organisation.findUnique({ where: { id: member.orgId }, select: { ancestorIds: true } });
  return contactPhrase(ctx.t, org ? await nearestContact(db, org.ancestorIds, member.id) : undefined);
}
