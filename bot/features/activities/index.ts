// Activities: organisers publish them to their subtree (or chosen child organisations); members sign up, wait
// their turn, get reminders and check in; organisers follow sign-ups and attendance and export the sheet.
import type { Action, Feature } from "../../core/feature.ts";
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
    "act-join": member("activity.join", join),
    "act-leave": member("activity.leave", leave),
    "act-org": member("activity.create", chooseOrg),
    "act-dl": member("activity.create", chooseDeadline),
    "act-aud": member("activity.create", chooseAudience),
    "act-publish": member("activity.create", confirmCreate),
    "act-manage": member("activity.manage", showCard),
    "act-roster": member("activity.roster", showRoster),
    "act-csv": member("activity.export", exportCsv),
    "act-code": member("activity.code", showCode),
    "act-edit": member("activity.edit", askEdit),
    "act-field": member("activity.edit", chooseField),
    "act-cancel": member("activity.cancel", askCancel),
    "act-cancel-yes": member("activity.cancel", confirmCancel),
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
  delivery: {
    [PUBLISHED_MESSAGE]: whileOn,
    [REMINDER_MESSAGES["24h"]]: whileOn,
    [REMINDER_MESSAGES["1h"]]: whileOn,
    [CANCELLED_MESSAGE]: hooks,
    [PROMOTED_MESSAGE]: hooks,
    [CHANGED_MESSAGE]: hooks,
  },
};
