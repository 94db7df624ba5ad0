## Volunteer hours (志愿服务时长)

volunteer-status-line = Volunteer service: { $yearHours } hours in { $year }, { $totalHours } in all
volunteer-button-mine = Volunteer hours
volunteer-button-export = Export volunteer hours
volunteer-checkin-credited = { $hours } volunteer hours credited ({ $yearHours } in { $year }, { $totalHours } in all).
volunteer-mine-none = You have no volunteer hours yet. Check in at an activity that carries hours and they are credited; for service outside the bot, ask your branch secretary to record it.
volunteer-mine-title = Your volunteer hours: { $yearHours } in { $year }, { $totalHours } in all.
volunteer-mine-line =
    · { $date } { $hours } h — { $source ->
        [activity] checked in at { $title }
       *[entry] recorded by { $by }: { $reason }
    }
volunteer-mine-more = …older entries are not listed; the totals above count them all.

volunteer-not-leader = Only league officers (branch secretaries, treasurers, committee staff) can export volunteer hours.
volunteer-add-refused =
    { $problem ->
        [not-leader] Only branch secretaries and committee staff can record volunteer hours.
        [own] You cannot record hours for yourself; please ask the organisation above yours.
        [not-active] This member's membership is not active; hours cannot be recorded.
       *[not-found] No member with that number in the organisations you look after. Please check the 12-digit number.
    }
volunteer-add-ask-code =
    Whose hours? Send the member's 12-digit number.
    Or everything on one line: number hours reason, e.g. "201901000001 2 Community care home".
volunteer-add-ask-hours = How many hours for { $name } ({ $org })? E.g. 2 or 1.5 (half-hour steps, at most 24).
volunteer-add-ask-reason = { $hours } hours for { $name }. What was the service (at most { $max } characters)? E.g. "Community care home".
volunteer-add-bad =
    { $problem ->
        [code] A member number has 12 digits; please send it again, or everything on one line: number hours reason.
        [hours] Hours go in half-hour steps from 0.5 to 24, e.g. 2 or 1.5.
        [reason] Please say what the service was (2 to { $max } characters).
       *[format] Please send "number hours reason", e.g. "201901000001 2 Community care home".
    }
volunteer-add-preview =
    Please confirm:
    { $hours } volunteer hours for { $name } ({ $code }, { $org })
    Reason: { $reason }
    They will be told, and it is recorded in the audit log.
volunteer-add-yes = Record it
volunteer-add-no = Cancel
volunteer-add-use-buttons = Please tap "Record it" or "Cancel".
volunteer-add-expired = This entry was already handled or has expired. Send /addhours to record hours.
volunteer-add-cancelled = Cancelled; nothing was recorded.
volunteer-add-saved = Recorded { $hours } hours for { $name }, who has been told. { $name } now has { $yearHours } hours in { $year }, { $totalHours } in all.
volunteer-credited =
    { $by } recorded { $hours } volunteer hours for you.
    Reason: { $reason }
    You have { $yearHours } hours in { $year }, { $totalHours } in all. Send /hours for the list.

volunteer-export-choose = Export volunteer hours for which organisation?
volunteer-export-not-found = Nothing called "{ $query }" in the organisations you look after. Send its code or full name.
volunteer-export-empty = { $org } has no members on its roll; there is nothing to export.
volunteer-csv-file = { $org }-volunteer-hours-{ $year }.csv
volunteer-csv-caption = Volunteer hours of { $org }: { $members } members, { $yearHours } hours in { $year }, { $totalHours } in all.
volunteer-csv-code = Number
volunteer-csv-name = Name
volunteer-csv-year = Hours { $year }
volunteer-csv-total = Hours in all
