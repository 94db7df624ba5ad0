// Volunteer hours (志愿服务): credited at activity check-ins (activities/checkin-service.ts) and by leaders for
// offline service; members see theirs (/me, /hours), leaders add them (/addhours) and export a sheet per branch.
import { idArg, wordArg } from "../../core/args.ts";
import { type Action, buttonAction, type Feature } from "../../core/feature.ts";
import { ADD_DIALOG, confirmAdd, onAddText, startAdd } from "./add.ts";
import { startExport } from "./export.ts";
import { hoursCommand, showMine } from "./mine.ts";

const member = <A>(intent: string, handler: Action<A>["handler"]): Action<A> => ({
  intent,
  handler,
  needsMember: true,
});

const mine = member("volunteer.mine", showMine);
const add = member("volunteer.add", startAdd);
const exportSheet = member("volunteer.export", (ctx) => startExport(ctx, ""));

export const volunteerFeature: Feature = {
  name: "volunteer",
  commands: { hours: member("volunteer.mine", hoursCommand), addhours: add } as Record<string, Action<unknown>>,
  buttons: {
    "hours-add": buttonAction("volunteer.add", wordArg(["yes", "no"]), confirmAdd),
    "hours-csv": buttonAction("volunteer.export", idArg, startExport),
  },
  intents: {
    "volunteer.mine": mine,
    "volunteer.add": member("volunteer.add", (ctx) => startAdd(ctx, "")),
    "volunteer.export": exportSheet,
  } as Record<string, Action<unknown>>,
  dialogs: { [ADD_DIALOG]: onAddText },
};
