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
dues-view-how-to-pay = To pay: give it to { $contact } in cash or as your branch announces; it shows here once recorded.
