# Descriptions in Telegram's command menu (setMyCommands): at most 256 characters each.
telegram-command-start = Get started with Tuanzhu
telegram-command-help = See what I can do
telegram-command-me = My membership status
telegram-command-card = My member card (with a QR code)
telegram-command-dues = Dues
telegram-command-transfer = Organisation transfer
telegram-command-activities = Upcoming activities
telegram-command-bind = Link your league membership
telegram-command-unbind = Unlink your account
telegram-command-lang = 语言 / Change language
telegram-command-cancel = Cancel what is in progress
telegram-command-pay = Pay dues
telegram-command-checkin = Check in at an activity
telegram-command-hours = My volunteer hours
telegram-command-pending = Transfers waiting for me (officers)
telegram-command-evaluate = Record member evaluation results (secretaries)
telegram-command-recommend = Record the Party recommendation meeting (secretaries)
