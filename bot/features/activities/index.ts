// Activities: organisers publish them to their subtree (or chosen child organisations); members sign up, wait
// their turn, get reminders and check in; organisers follow sign-ups and attendance and export the sheet.
import { countArg, idArg, partsArg, wordArg } from "../../core/args.ts";
import { type Action, buttonAction, type Feature } from "../../core/feature.ts";
import { MAX_MINUTES, STEP_MINUTES } from "../volunteer/rules.ts";
import { CHECKIN_DIALOG, onCheckinText, startCheckin } from "./checkin.ts";
import {
  CREATE_DIALOG,
  chooseAudience,
  chooseDeadline,
  chooseHours,
  chooseOrg,
  confirmCreate,
  onCreateText,
  startCreate,
} from "./create-dialog.ts";
import {
  askCancel,
  askEdit,
  chooseField,
  confirmCancel,
  EDIT_DIALOG,
  EDIT_FIELDS,
  exportCsv,
  listManaged,
  onEditText,
  showCard,
  showCode,
  showRoster,
} from "./manage.ts";
import { join, leave, listActivities } from "./member-view.ts";
import {
  activityArgs,
  activityStillOn,
  CANCELLED_MESSAGE,
  CHANGED_MESSAGE,
  PROMOTED_MESSAGE,
  PUBLISHED_MESSAGE,
  REMINDER_MESSAGES,
} from "./notify.ts";

const member = (intent: string, handler: Action["handler"]): Action => ({ intent, handler, needsMember: true });
/** Childless audience toggles: a child organisation's id, or done. */
const audienceArg = idArg.or(wordArg(["done"]));
/** Volunteer hours offered as a button: minutes in half-hour steps up to a day, or none. */
const hoursArg = countArg(STEP_MINUTES, MAX_MINUTES)
  .refine((m) => m % STEP_MINUTES === 0)
  .or(wordArg(["none"]));

const list = member("activity.list", listActivities);
const create = member("activity.create", startCreate);
const manage = member("activity.manage", listManaged);
const checkin = member("activity.checkin", startCheckin);
const hooks = { resolveArgs: activityArgs };
const whileOn = { resolveArgs: activityArgs, stillWanted: activityStillOn, broadcast: true };

export const activitiesFeature: Feature = {
  name: "activities",
  commands: { activities: list, newactivity: create, myactivities: manage, checkin },
  buttons: {
    "act-join": buttonAction("activity.join", idArg, join),
    "act-leave": buttonAction("activity.leave", idArg, leave),
    "act-org": buttonAction("activity.create", idArg, chooseOrg),
    "act-hours": buttonAction("activity.create", hoursArg, chooseHours),
    "act-dl": buttonAction("activity.create", wordArg(["start", "day"]), chooseDeadline),
    "act-aud": buttonAction("activity.create", audienceArg, chooseAudience),
    "act-publish": buttonAction("activity.create", wordArg(["yes", "no"]), confirmCreate),
    "act-manage": buttonAction("activity.manage", idArg, showCard),
    "act-roster": buttonAction("activity.roster", idArg, showRoster),
    "act-csv": buttonAction("activity.export", idArg, exportCsv),
    "act-code": buttonAction("activity.code", idArg, showCode),
    "act-edit": buttonAction("activity.edit", idArg, askEdit),
    "act-field": buttonAction("activity.edit", partsArg(".", idArg, wordArg(EDIT_FIELDS)), chooseField),
    "act-cancel": buttonAction("activity.cancel", idArg, askCancel),
    "act-cancel-yes": buttonAction("activity.cancel", idArg, confirmCancel),
  },
  intents: {
    "activity.list": list,
    // "取消报名" typed: the list shows a cancel button under each activity the person signed up for.
    "activity.leave": member("activity.leave", listActivities),
    "activity.create": create,
    "activity.manage": manage,
    "activity.checkin": checkin,
  },
  dialogs: { [CREATE_DIALOG]: onCreateText, [EDIT_DIALOG]: onEditText, [CHECKIN_DIALOG]: onCheckinText },
  numberSteps: { [CREATE_DIALOG]: ["hours"] },
  delivery: {
    [PUBLISHED_MESSAGE]: whileOn,
    [REMINDER_MESSAGES["24h"]]: whileOn,
    [REMINDER_MESSAGES["1h"]]: whileOn,
    [CANCELLED_MESSAGE]: hooks,
    [PROMOTED_MESSAGE]: hooks,
    [CHANGED_MESSAGE]: hooks,
  },
};
