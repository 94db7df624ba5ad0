start-welcome =
    Hello! I'm Tuanzhu, your helper for everyday Youth League business.
    I can show your membership record and dues, handle an organisation transfer, and sign you up for activities.
    First, link your league membership: send "bind" or /bind.
start-welcome-back = Welcome back, { $name }! What can I do for you?
start-help-text =
    I can help with:
    · My membership status — /me; member card — /card
    · Dues — /dues, pay dues — /pay
    · Organisation transfer — /transfer
    · Upcoming activities — /activities, check in — /checkin
    · My volunteer hours — /hours
    · Apply to join the League, follow the application — /join
    · Link your account — /bind, unlink — /unbind
    · Change language — /lang
    You can also just ask in your own words, e.g. "what's my status".
start-help-leaders =
    As a league officer you can also:
    · Transfers waiting for you — /pending; start one for a member — /transfer
    · Send a notice — /notice
    · Create an activity — /newactivity; activities you run — /myactivities
    · Record volunteer hours — /addhours; export them — /hours export
    · Branch dues — /duesbranch; remind those who owe — /duesnudge; record cash dues — /duescash; collection by organisation — /duesorgs
    · Transfer league table (weekly) — /report
    · Graduates' transfers — /graduation, /graduates
    · Applicants to join (take each step, the invite code) — /applicants
start-lang-choose = 请选择语言 / Choose your language:
start-lang-zh = 中文
start-lang-en = English
start-lang-set = Done — I'll reply in English from now on.
# What people call this catalogue's own language, after /lang or in a sentence (comma-separated).
start-lang-names = en, eng, english, 英文, 英语
start-cancel-done = Cancelled.
start-cancel-nothing = There is nothing in progress to cancel.
start-unknown-text = Sorry, I didn't understand that. Tap a button below, or send /help to see everything I can do.
start-menu-status = My status
start-menu-dues = Dues
start-menu-transfer = Transfer
start-menu-activities = Activities
start-menu-bind = Link account
start-menu-language = 语言 / Language
start-menu-pending = To approve
start-menu-dues-review = Payments to confirm
start-menu-notice = Send a notice
start-menu-report = Reports
start-menu-unread = Who has not read
start-menu-dues-orgs = Collection by organisation

# The Official Account's custom menu (npm run wechat:menu): menu names at most 16 bytes.
start-oa-menu-mine = Mine
start-oa-menu-services = Services
start-oa-menu-more = More
start-oa-menu-pay = Pay dues
start-oa-menu-help = Help
