## 团籍注册 (kind "registration"): what members and branch secretaries read
campaigns-registration-title = { $label } membership registration
campaigns-registration-open =
    📝 { $label } membership registration (团籍注册), opened by { $org }, closes { $closes }
    Please check your details: organisation, study/work status, dues paid (send /me to see them). All correct? Tap "Correct". Something changed? Tap "Something changed".
campaigns-registration-remind = ⏰ Reminder: the { $label } membership registration closes on { $closes } and you have not confirmed your details yet. One tap below is enough.
campaigns-registration-choice-ok = Correct
campaigns-registration-choice-change = Something changed
campaigns-registration-choice-change-org = My organisation changed
campaigns-registration-choice-change-study = Study/work status changed
campaigns-registration-choice-change-dues = Dues are not right
campaigns-registration-ask-change = What changed? Pick one; your branch secretary will check it with you.
campaigns-registration-response-ok = confirmed the details are correct
campaigns-registration-response-change-org = reported: organisation changed
campaigns-registration-response-change-study = reported: study/work status changed
campaigns-registration-response-change-dues = reported: dues are not right
campaigns-registration-decision-register = Register
campaigns-registration-decision-defer = Defer
campaigns-registration-decision-refuse = Do not register
campaigns-registration-decided-register = ✅ { $label } membership registration: you are registered (within { $org }).
campaigns-registration-decided-defer = ⏸ { $label } membership registration: your registration is deferred. Reason: { $reason }. Please talk to your branch secretary.
campaigns-registration-decided-refuse = ⛔ { $label } membership registration: your branch decided not to register you. Please talk to your branch secretary with any questions.
campaigns-registration-hint-owed = owes { $months } months of dues
campaigns-registration-hint-no-org-life = no organisational life this year

## The engine: members' answers
campaigns-answer-saved = Recorded: { $what }. { $leaders ->
        [none] Your organisation has no branch secretary on Tuanzhu yet; please contact it directly.
       *[other] Your branch secretary ({ $leaders }) will review it.
    }
campaigns-answer-same = You already answered that ({ $what }); nothing more to do.
campaigns-answer-decided = Your branch secretary has already decided this ({ $decision }); your answer was not changed. Talk to them if something changed.
campaigns-answer-closed = This has closed; answers are no longer taken. Please contact your branch secretary if needed.
campaigns-answer-not-yours = This does not include you; no answer needed.
campaigns-member-none = There is no registration or similar round waiting for your answer now.
campaigns-member-pending = 📝 { $title } (closes { $closes }): please answer.
campaigns-member-answered = 📝 { $title }: you answered ({ $what }). { $decision ->
        [none] Waiting for your branch secretary.
       *[other] Result: { $decision }.
    }
