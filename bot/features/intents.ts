// The words of every feature's intents, for the free-text classifier.
import type { IntentWords } from "../core/nlu/vocabulary.ts";
import { activityIntents } from "./activities/intents.ts";
import { bindingIntents } from "./binding/intents.ts";
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
  ...noticeIntents,
  ...reportIntents,
];
