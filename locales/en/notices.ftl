notices-not-allowed = Only committee staff and branch secretaries can send notices, and only to their own organisation and those below it.
notices-choose-org = Which organisation is this notice from?
notices-ask-text = Send the notice text (one message, up to 2000 characters). Send "cancel" at any time to drop it.
notices-ask-image = Send a picture to go with the notice, or tap "No picture".
notices-skip-image = No picture
notices-image-attached = {" "}(with a picture)
notices-expired = This notice draft has expired. Send /notice to start again.
notices-use-buttons = Please tap a button above to go on, or send "cancel" to drop this notice.
notices-choose-audience =
    Who should get it? By default every organisation below yours; or tap some of them ({ $chosen } chosen), then "Done".
notices-audience-done = Done
# Typed where an audience is chosen (notices, activities, campaigns): the whole subtree.
notices-audience-all-words = all, all of them, everyone, everybody, every organisation, all organisations, all branches, the whole lot
notices-preview =
    Preview{ $image }:
    { $text }

    Recipients: { $total } members; { $reachable } have linked their chat and will get it, { $unreachable } have not yet.
    Send it?
notices-send = Send
notices-cancel = Cancel
notices-dropped = Notice dropped; nothing was sent.
notices-sending = Notice #{ $id } is on its way. Members who tap "Got it" count as read; check the progress any time.
notices-progress-button = Progress
notices-read-thanks = Thanks, marked as received!
notices-none = There is no notice here you can look at.
notices-progress-row = { $name }: { $total } in all, { $delivered } delivered, { $read } read, { $unread } unread, { $unreachable } not linked{ $waiting ->
        [0] {""}
       *[other] , { $waiting } waiting for the member to write first
    }
notices-progress =
    Notice #{ $id } ({ $excerpt })
    { $rows }
    In all: { $total } members, { $read } read, { $unread } unread, { $unreachable } not linked.
notices-chase-button = Remind these people
notices-chasing = Reminding the members who have not confirmed yet.
notices-chase-too-soon = A notice can be chased once a day; the next reminder is possible after { $next }.
notices-message =
    Notice from { $org }:
    { $text }
notices-reminder =
    Reminder — you have not confirmed this notice from { $org } yet:
    { $text }
notices-got-it = Got it
notices-progress-unread = {"  "}Not read: { $names }
notices-progress-unreachable = {"  "}Not bound: { $names }
