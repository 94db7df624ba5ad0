campaigns-evaluation-grade = { $grade ->
    [excellent] excellent
    [qualified] qualified
    [basic] basically qualified
   *[unqualified] unqualified
}
campaigns-evaluation-title = { $label } member evaluation
campaigns-evaluation-decision-excellent = excellent
campaigns-evaluation-decision-qualified = qualified
campaigns-evaluation-decision-basic = basically qualified
campaigns-evaluation-decision-unqualified = unqualified
campaigns-evaluation-open =
    📝 Member evaluation ({ $label }): { $org } asks you to assess yourself by { $closes }.
    Tap a rating first, then write a few sentences on your year and your part as a member. You will hear the branch's result.
campaigns-evaluation-remind = ⏰ Reminder: the member evaluation ({ $label }) closes on { $closes } and you have not assessed yourself yet. Tap a rating to start:
campaigns-evaluation-choice-excellent = Excellent
campaigns-evaluation-choice-qualified = Qualified
campaigns-evaluation-choice-basic = Basically qualified
campaigns-evaluation-choice-unqualified = Unqualified
campaigns-evaluation-ask-text = Your rating: { $grade ->
    [excellent] excellent
    [qualified] qualified
    [basic] basically qualified
   *[unqualified] unqualified
}. Now write a few sentences on your year and your part as a member ({ $min }–{ $max } characters) and send them to me; send "cancel" to stop.
campaigns-evaluation-text-too-short = That is too short ({ $chars } characters); write at least { $min }. Send it again, or "cancel".
campaigns-evaluation-text-too-long = That is too long ({ $chars } characters); at most { $max }. Shorten it and send it again; the full material belongs to the branch meeting.
campaigns-evaluation-response = self-rated { $rating ->
    [excellent] excellent
    [qualified] qualified
    [basic] basically qualified
   *[unqualified] unqualified
}: { $text }
campaigns-evaluation-decided-excellent = 📋 Member evaluation ({ $label }): { $org } rated you "excellent". Keep it up!
campaigns-evaluation-decided-qualified = 📋 Member evaluation ({ $label }): { $org } rated you "qualified".
campaigns-evaluation-decided-basic = 📋 Member evaluation ({ $label }): { $org } rated you "basically qualified". Your branch will talk with you about improving.
campaigns-evaluation-decided-unqualified = 📋 Member evaluation ({ $label }): { $org } rated you "unqualified". Your branch will talk with you about the reasons and what to improve.
campaigns-evaluation-results-help =
    📝 Member evaluation ({ $label }) · { $org }
    { $evaluated } evaluated: { $decided } rated, { $pending } to go. { $quota } "excellent" places ({ $percent }% of those evaluated, rounded down), { $left } left.
    Send results as "name grade", several at once, e.g.:
    Zhang San excellent, Li Si qualified, Wang Wu basic
    Send "cancel" to finish.
campaigns-evaluation-results-member = { $n }. { $name }: { $self }{ $result }
campaigns-evaluation-results-self-none = no self-assessment
campaigns-evaluation-results-now = (rated: { $grade })
campaigns-evaluation-quota-refused = ❌ Nothing recorded: the branch has { $evaluated } evaluated, so at most { $quota } "excellent" ({ $percent }%). This asks for { $asked } "excellent" but only { $left } places are left. Send it again with fewer (changing someone rated excellent to another grade frees a place).
campaigns-evaluation-recorded = ✅ Recorded { $count } results. Branch: excellent { $excellent }, qualified { $qualified }, basically qualified { $basic }, unqualified { $unqualified }, { $pending } to go; { $left } "excellent" places left.
campaigns-evaluation-unchanged = These results are the ones already recorded; nothing changed.
campaigns-evaluation-unknown = Nothing recorded: { $names } is not on this branch's evaluation list. Check the names (or use member codes) and send again.
campaigns-evaluation-ambiguous = Nothing recorded: more than one member is called { $names }; use member codes.
campaigns-evaluation-unread = Nothing recorded: I could not read { $pieces }. Write "name grade", e.g. Zhang San excellent, Li Si qualified.
campaigns-evaluation-self = Nothing recorded: you cannot rate yourself ({ $name }); the organisation above does.
campaigns-evaluation-none-open = No member evaluation is open now. When one opens you will get a message and rate yourself from it; branch secretaries record results with /evaluate.
campaigns-evaluation-not-leader = Only a branch secretary or committee staff above can record evaluation results.
campaigns-evaluation-closed = This member evaluation has closed; its results can no longer change.
campaigns-evaluation-done = Done recording results. Send /evaluate to continue any time.
campaigns-evaluation-pick-branch = You lead several branches in a member evaluation; pick one first:
