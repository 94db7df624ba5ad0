// Every feature the bot answers with, in one list; the router refuses duplicates.
import type { Feature } from "../core/feature.ts";
import { activitiesFeature } from "./activities/index.ts";
import { bindingFeature } from "./binding/index.ts";
import { campaignsFeature } from "./campaigns/index.ts";
import { cardFeature } from "./card/index.ts";
import { circumstanceFeature } from "./circumstance/index.ts";
import { duesFeature } from "./dues/index.ts";
import { duesLeadersFeature } from "./dues/leaders/index.ts";
import { evaluationFeature } from "./evaluation/index.ts";
import { guideFeature } from "./guide/index.ts";
import { joiningFeature } from "./joining/index.ts";
import { leavingFeature } from "./leaving/index.ts";
import { membershipFeature } from "./membership/index.ts";
import { noticesFeature } from "./notices/index.ts";
import { recommendationFeature } from "./recommendation/index.ts";
import { reportsFeature } from "./reports/index.ts";
import { startFeature } from "./start/index.ts";
import { graduatesFeature } from "./transfers/graduates/index.ts";
import { transfersFeature } from "./transfers/index.ts";
import { volunteerFeature } from "./volunteer/index.ts";

export const features: Feature[] = [
  startFeature,
  bindingFeature,
  noticesFeature,
  membershipFeature,
  cardFeature,
  leavingFeature,
  joiningFeature,
  campaignsFeature,
  evaluationFeature,
  recommendationFeature,
  duesFeature,
  duesLeadersFeature,
  circumstanceFeature,
  transfersFeature,
  graduatesFeature,
  activitiesFeature,
  volunteerFeature,
  reportsFeature,
  guideFeature,
];
