// Every campaign kind, by name. A new kind is a module beside registration.ts, added here.
import type { CampaignKind } from "../kind.ts";
import { evaluationKind } from "./evaluation.ts";
import { recommendationKind } from "./recommendation.ts";
import { registrationKind } from "./registration.ts";

export const campaignKinds: readonly CampaignKind[] = [registrationKind, evaluationKind, recommendationKind];

export function kindOf(name: string): CampaignKind | undefined {
  return campaignKinds.find((k) => k.name === name);
}
