// Every campaign kind, by name. A new kind is a module beside registration.ts, added here.
import type { CampaignKind } from "../kind.ts";
import { registrationKind } from "./registration.ts";

export const campaignKinds: readonly CampaignKind[] = [registrationKind];

export function kindOf(name: string): CampaignKind | undefined {
  return campaignKinds.find((k) => k.name === name);
}
