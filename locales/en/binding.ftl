# Binding a chat to a member record (/bind, /code, /unbind).
binding-ask-member-code =
    Let's link your league membership, in three steps.
    Step 1: send your member number (发展团员编号, 12 digits, shown in 智慧团建 or on your member card).
    If your branch secretary gave you a binding code, tap "I have a code". Send "cancel" at any time to stop.
binding-ask-name = Step 2: send your name exactly as in your membership record.
binding-name-noted = Thanks, { $name }: your name is noted, so step 2 is done. First, please send your member number (发展团员编号, 12 digits, under 我的 → personal information in 智慧团建, or on your member card); if you do not know it, your branch secretary can give you a one-time binding code, then tap "I have a code".
binding-ask-id-last4 = Step 3: send the last 4 characters of your ID card number (digits; the last may be X). We only use them to check who you are and do not keep them.
binding-ask-one-time-code = Send the 8-character binding code from your branch secretary (e.g. ABCD-EFGH).
binding-member-code-malformed = A member number has 12 digits, e.g. 201901000001. Please send it again, or send "cancel" to stop.
binding-name-malformed = Please send only your name (letters, at most 40), without emoji, digits or symbols.
binding-id-last4-malformed = Please send the last 4 characters of your ID card number: three digits, then a digit or X, e.g. 1234 or 123X.
binding-code-malformed = A binding code has 8 letters and digits (e.g. ABCD-EFGH). Please check it and send it again.
binding-private-only = To protect your personal details, please do this in a private chat with me, not in a group.
binding-text-please = Please reply with text.
binding-details-wrong =
    The member number, name or last 4 ID characters do not match the membership record, so I could not link you.
    { $left ->
        [one] You have 1 more try; after that, linking pauses for an hour.
       *[other] You have { $left } more tries.
    }
    Send your member number again, or send "cancel" to stop.
binding-code-wrong =
    That binding code is not valid. Please check it and { $again ->
        [dialog] send it again
       *[command] send /bind with the code again
    } ({ $left ->
        [one] 1 more try
       *[other] { $left } more tries
    }).
binding-code-used =
    That binding code has already been used; each code works once. Please ask your branch secretary for a new one ({ $left ->
        [one] 1 more try
       *[other] { $left } more tries
    }).
binding-code-expired =
    That binding code has expired (codes last 7 days). Please ask your branch secretary for a new one ({ $left ->
        [one] 1 more try
       *[other] { $left } more tries
    }).
binding-locked = Too many attempts: to protect members' records, linking is paused. Please try again in { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    } (after { $time }). Ask your branch secretary if you need help.
binding-bound = Linked! Hello, { $name }. You can now check your membership and dues and request a transfer. Send /help to see everything.
binding-already-bound = This chat is already linked to { $name }. To link someone else, send /unbind first.
binding-already-bound-other = This chat is already linked to a member. To change it, send /unbind first.
binding-required = For this I need to know who you are: please link your league membership first. All it takes is your member number, your name and the last 4 characters of your ID number.
binding-button-start = Link my account
binding-button-have-code = I have a code
binding-issue-not-leader = Only branch secretaries, committee staff and administrators can create binding codes.
binding-issue-own = You cannot create a binding code for yourself, so none was created. To use Tuanzhu in another chat app, send /bind there and confirm your details.
binding-issue-ask-member-code = Which member is the code for? Send their member number (12 digits).
binding-issue-out-of-scope = There is no member { $code } in the organisations you look after, so no code was created.
binding-issue-created =
    Binding code for { $name } ({ $member }): { $code }
    Valid for { $days } days, usable once. Pass it on privately: they send /bind { $code } in the chat.
    This code is shown only this once.
binding-unbind-not-bound = This chat is not linked to a member.
binding-unbind-confirm = Unlink { $name } from this chat? You will need to link again to check your membership and dues.
binding-button-unbind-yes = Unlink
binding-button-unbind-no = Keep it
binding-unbind-done = Unlinked. Send /bind whenever you want to link again.
binding-unbind-kept = OK, nothing changed.
binding-lock-alert = Heads-up: someone failed several times in a row to link a chat to member { $name } ({ $code }); linking to this member is paused for { $minutes } minutes. If it was not them, please check with the member.
binding-revoked = Your league membership has been linked to another account on this platform, so this chat was unlinked automatically. If that was not you, contact your branch secretary at once.
binding-issue-not-found = That member was not found; no code was made.
