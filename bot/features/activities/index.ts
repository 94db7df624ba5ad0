// Activities: organisers publish them to their subtree (or chosen child organisations); members sign up, wait
// their turn, get reminders and check in; organisers follow sign-ups and attendance and export the sheet.
import { idArg, partsArg, wordArg } from "../../core/args.ts";
import { type Action, button, type Feature } from "../../core/feature.ts";
import { CHECKIN_DIALOG, onCheckinText, startCheckin } from "./checkin.ts";
import {
  CREATE_DIALOG,
  chooseAudience,
  chooseDeadline,
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

const list = member("activity.list", listActivities);
const create = member("activity.create", startCreate);
const manage = member("activity.manage", listManaged);
const checkin = member("activity.checkin", startCheckin);
const hooks = { resolveArgs: activityArgs };
const whileOn = { resolveArgs: activityArgs, stillWanted: activityStillOn };

export const activitiesFeature: Feature = {
  name: "activities",
  commands: { activities: list, newactivity: create, myactivities: manage, checkin },
  buttons: {
    "act-join": button("activity.join", idArg, join),
    "act-leave": button("activity.leave", idArg, leave),
    "act-org": button("activity.create", idArg, chooseOrg),
    "act-dl": button("activity.create", wordArg(["start", "day"]), chooseDeadline),
    "act-aud": button("activity.create", audienceArg, chooseAudience),
    "act-publish": button("activity.create", wordArg(["yes", "no"]), confirmCreate),
    "act-manage": button("activity.manage", idArg, showCard),
    "act-roster": button("activity.roster", idArg, showRoster),
    "act-csv": button("activity.export", idArg, exportCsv),
    "act-code": button("activity.code", idArg, showCode),
    "act-edit": button("activity.edit", idArg, askEdit),
    "act-field": button("activity.edit", partsArg(".", idArg, wordArg(EDIT_FIELDS)), chooseField),
    "act-cancel": button("activity.cancel", idArg, askCancel),
    "act-cancel-yes": button("activity.cancel", idArg, confirmCancel),
  },
  intents: { "activity.list": list, "activity.create": create, "activity.manage": manage, "activity.checkin": checkin },
  dialogs: { [CREATE_DIALOG]: onCreateText, [EDIT_DIALOG]: onEditText, [CHECKIN_DIALOG]: onCheckinText },
  delivery: {
    [PUBLISHED_MESSAGE]: whileOn,
    [REMINDER_MESSAGES["24h"]]: whileOn,
    [REMINDER_MESSAGES["1h"]]: whileOn,
    [CANCELLED_MESSAGE]: hooks,
    [PROMOTED_MESSAGE]: hooks,
    [CHANGED_MESSAGE]: hooks,
  },
};
