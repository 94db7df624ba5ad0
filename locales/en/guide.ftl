# Small talk, help about the member number, and league business the bot does not handle yet.
guide-thanks = You're welcome! Just send me a message whenever you need something.
guide-code-where =
    Your member number (发展团员编号) has 12 digits (for members who joined from 2017, the first 4 are the year you joined). You can find it:
    · in 智慧团建: after logging in, under "我的" → personal information
    · on your league membership card (团员证)
    · from your branch secretary, on the branch roster
    Then tap "Bind my account" and follow the steps.
guide-code-unknown =
    No member number? No problem:
    · log in to 智慧团建 and look under "我的" → personal information;
    · or ask { $contact } for a one-time binding code, then tap "I have a code" and send it to me — no member number needed.
guide-button-bind = Bind my account
guide-button-have-code = I have a code
