// Every feature the bot answers with, in one list; the router refuses duplicates.
import type { Feature } from "../core/feature.ts";
import { startFeature } from "./start/index.ts";

export const features: Feature[] = [startFeature];
