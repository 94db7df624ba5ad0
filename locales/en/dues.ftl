dues-bind-first = Please link your league membership before asking about dues: send /bind.
dues-button-status = My status
dues-paid-none = — (no month paid yet)
dues-paid-through-month = { $month }{ $ahead ->
    [yes] {" "}(paid ahead)
   *[no] {""}
}
dues-owed-nothing = nothing owed
dues-owed-months-only = { $months ->
    [one] 1 month owed
   *[other] { $months } months owed
}
dues-owed = { $months ->
    [one] 1 month owed ({ $from })
   *[other] { $months } months owed ({ $from } – { $to })
}, { $amount } yuan in all
dues-why-fixed = { $category ->
    [STUDENT] student member: { $amount } yuan a month.
    [NO_INCOME] member without income (including job-seekers and pensioners): { $amount } yuan a month.
   *[SALARIED] employed member with after-tax pay of { $income } yuan a month, under { $below } yuan: { $amount } yuan a month.
}
dues-why-share = employed member with after-tax pay of { $income } yuan a month (from { $from } yuan: { $percent }% of pay, rounded down to whole yuan, at most { $cap } yuan): { $income } × { $percent }% = { $share } yuan, rounded down to { $floored } yuan{ $capped ->
    [yes] , above the cap, so { $cap } yuan
   *[no] {""}
}.
dues-view-title = Dues of { $name }
dues-view-monthly = Monthly dues: { $amount } yuan
dues-view-why = Why: { $why }
dues-view-no-rate = The dues table has no band that fits your record, so no amount can be worked out; please ask { $contact } to check it.
dues-view-start = Dues start: { $month } (the month you joined)
dues-view-paid-through = Paid through: { $through }
dues-view-owed = Owed: { $owed }
dues-view-last-payment = Last payment: { $date }, { $amount } yuan for { $months ->
    [one] 1 month
   *[other] { $months } months
}
dues-view-last-payment-none = Last payment: none on record
dues-view-how-to-pay = To pay: tap "Pay dues" for a payment request and send the screenshot here after paying, or give it to { $contact } in cash; it shows here once recorded.
dues-view-method = How to pay ({ $org }): { $method }
dues-view-pending = Payment request waiting: { $reference }, { $months ->
    [one] 1 month
   *[other] { $months } months
}, { $amount } yuan ({ $proof ->
    [yes] screenshot sent, waiting for the branch to confirm
   *[no] after paying, tap "Send payment screenshot"
})
dues-button-pay = Pay dues
dues-button-send-proof = Send payment screenshot
dues-list-separator = {", "}

dues-pay-owed = You owe { $months ->
    [one] 1 month ({ $from })
   *[other] { $months } months ({ $from } – { $to })
}, { $amount } yuan in all.
dues-pay-owed-nothing = You owe nothing at the moment; you can pay ahead.
dues-pay-choose = { $owed } How many months do you want to pay? (Owed months come first; you can pay up to 12 months ahead, { $max } months at most this time.)
dues-pay-option = { $ahead ->
    [0] { $owed ->
        [one] 1 month
       *[other] { $owed } months
    }
   *[other] { $owed ->
        [0] { $ahead ->
            [one] 1 month ahead
           *[other] { $ahead } months ahead
        }
        [one] 1 month + { $ahead } ahead
       *[other] { $owed } months + { $ahead } ahead
    }
} ({ $amount } yuan)
dues-pay-months-invalid = You can pay 1 to { $max } months this time; please pick one of the buttons.
dues-pay-use-buttons = Please pick the number of months with a button, or type it, e.g. "3 months", "half a year" or "a year".
dues-pay-extra = { $months ->
    [one] 1 month ({ $from })
   *[other] { $months } months ({ $from } – { $to })
}: { $amount } yuan. Would you like to add a voluntary extra? Tap a button or type an amount (e.g. "8 yuan").
dues-pay-no-extra = No extra
dues-pay-method-later = How to pay comes with the payment request in the next step (the way your branch takes dues, or whom to ask).
dues-pay-extra-option = +{ $amount } yuan
dues-pay-extra-invalid = Please type an extra between 0 and { $max } yuan, e.g. "8 yuan" or "2.5 yuan", or "0" for none.
dues-pay-awaiting = Your payment request { $reference } has a screenshot waiting for the branch to confirm; you will hear when it is confirmed or rejected, and can pay further months after that.
dues-pay-no-rate = The dues table has no band that fits your record, so no payment request can be made; please ask { $contact } to check it.
dues-pay-request = Payment request { $reference }: { $months ->
    [one] 1 month ({ $from })
   *[other] { $months } months ({ $from } – { $to })
}, dues { $dues } yuan{ $hasExtra ->
    [yes] {", "}voluntary extra { $extra } yuan
   *[no] {""}
}, total { $total } yuan.
    { $method ->
        [none] Your branch has not recorded how to pay in Tuanzhu yet: pay the way it announced (ask { $contact } if unsure).
       *[other] How to pay ({ $methodOrg }): { $method }
    }
    Put { $reference } in the payment remark. After paying, tap "Send payment screenshot" or just send the screenshot here for the branch to confirm.
dues-pay-request-again = This is the payment request { $reference } you already have; it is still valid and nothing new was made.
dues-pay-request-replaced = Your earlier request { $old } is void now; use the new request { $reference } (put { $reference } in the payment remark).
dues-pay-cancel = Cancel payment request
dues-pay-expired = This payment request has already been handled or cancelled. Send /pay to start again.
dues-pay-cancelled = Payment request { $reference } cancelled.
dues-proof-waiting = Please send the payment screenshot (a picture); tap "Cancel payment request" if you changed your mind.
dues-proof-ask = Please send the payment screenshot for request { $reference } ({ $amount } yuan in all).
dues-proof-received = Got the payment screenshot for { $reference } and passed it to { $reviewers } to confirm; you will be told once it is confirmed.
dues-proof-received-above = Got the payment screenshot for { $reference }. { $unbound ->
    [none] Nobody in your branch handles dues in Tuanzhu yet
   *[other] Your branch's { $unbound } do not use Tuanzhu yet
}, so it went to { $reviewers } of { $org } above to confirm; you will be told once it is confirmed.
dues-proof-no-reviewer = Got the payment screenshot for { $reference } and kept it. { $unbound ->
    [none] Nobody in your branch or above it handles dues in Tuanzhu yet
   *[other] Your branch's { $unbound } do not use Tuanzhu yet, nor does anyone above your branch
}, so nobody has been told yet; once they start using Tuanzhu they will find it under "payments to confirm". If it is urgent, please contact { $contact } directly.

dues-proof-review = { $name } ({ $code }) sent a dues payment screenshot: request { $reference }, { $months ->
    [one] 1 month
   *[other] { $months } months
}, { $amount } yuan in all. Please check the money arrived, then confirm or reject.
dues-review-confirm = Confirm
dues-review-reject = Reject
dues-settled-member = Your dues payment { $reference } is confirmed: { $months ->
    [one] 1 month
   *[other] { $months } months
}, { $amount } yuan.{ $through ->
    [0] {""}
   *[other] {" "}Paid through { DATETIME($through, year: "numeric", month: "long") }.
}
dues-rejected-member = Your dues payment { $reference } was not confirmed: { $reason ->
    [missing] the money was not found
    [amount] the amount does not match the request
    [unclear] the screenshot is unreadable
   *[other] { $text }
}. Ask your branch if anything is unclear; send /pay to try again.
dues-review-not-found = That payment was not found.
dues-review-not-allowed = Only the treasurer or secretary of the member's own branch, or staff of a committee above it, can confirm this payment.
dues-review-own = You cannot confirm or reject your own payment; another branch officer will handle it.
dues-review-already = Payment request { $reference } was already handled ({ $status ->
    [CONFIRMED] confirmed
    [REJECTED] rejected
   *[other] cancelled
}{ $known ->
    [no] {""}
   *[other] {" "}by { $by }
}).
dues-review-confirmed = Confirmed { $name }'s payment { $reference }: { $months ->
    [one] 1 month
   *[other] { $months } months
}, { $amount } yuan, paid through { $through }. They have been told.
dues-review-rejected = Rejected { $name }'s payment { $reference }; they have been told.
dues-review-ask-reason = Rejecting { $name }'s payment { $reference }: pick a reason or type one.
dues-reason = { $reason ->
    [missing] Money not received
    [amount] Wrong amount
   *[unclear] Unreadable screenshot
}
dues-review-reason-text = Please type the reason for rejecting.
dues-review-reason-long = Please keep the reason within { $max } characters.
