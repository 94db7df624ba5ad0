// The keyword lists of the old rules classifier (core/nlu/rules-classifier.ts), kept only so `npm run bench:nlu` can
// compare the trained model with them on the same sentences. The bot itself learns from locales/*/intents.
import type { IntentWords } from "../core/nlu/vocabulary.ts";
import { activityIntents } from "./activities/intents.ts";
import { bindingIntents } from "./binding/intents.ts";
import { campaignIntents } from "./campaigns/intents.ts";
import { cardIntents } from "./card/intents.ts";
import { duesIntents } from "./dues/intents.ts";
import { duesLeaderIntents } from "./dues/leaders/intents.ts";
import { leavingIntents } from "./leaving/intents.ts";
import { membershipIntents } from "./membership/intents.ts";
import { noticeIntents } from "./notices/intents.ts";
import { reportIntents } from "./reports/intents.ts";
import { startIntents } from "./start/intents.ts";
import { graduateIntents } from "./transfers/graduates/intents.ts";
import { transferIntents } from "./transfers/intents.ts";
import { volunteerIntents } from "./volunteer/intents.ts";

export const intentVocabulary: IntentWords[] = [
  ...startIntents,
  ...bindingIntents,
  ...membershipIntents,
  ...cardIntents,
  ...leavingIntents,
  ...duesIntents,
  ...duesLeaderIntents,
  ...transferIntents,
  ...graduateIntents,
  ...activityIntents,
  ...volunteerIntents,
  ...noticeIntents,
  ...reportIntents,
  ...campaignIntents,
];
