reports-not-allowed = Only committee staff, branch secretaries and admins can see transfer statistics, and only for their own organisation and those below it.
reports-out-of-scope = That organisation is outside your scope, so you cannot see its transfer statistics.
reports-choose-org = Statistics for which organisation?
reports-none = { $org } had no transfers in the week { $from } to { $to }.
reports-table =
    Weekly transfer report: { $org }, { $from } to { $to }
    Whole subtree: { $received } received, { $within } handled in time, response rate { $rate }; half handled within { $medianEn }, nine in ten within { $p90En }; { $breaches } overdue; escalated { $escalations ->
        [one] once
       *[other] { $escalations } times
    }.
    By child organisation (worst first; the chart carries the same numbers):
    No. Organisation | Response rate | In time/received | Half within | Nine in ten within | Overdue | Escalated
    { $rowsEn }{ $more ->
        [0] {""}
        [one] {"\u000A"}1 more organisation had transfers and is not listed.
       *[other] {"\u000A"}{ $more } more organisations had transfers and are not listed.
    }{ $quiet ->
        [0] {""}
        [one] {"\u000A"}1 child organisation had no transfers this week.
       *[other] {"\u000A"}{ $quiet } child organisations had no transfers this week.
    }{ $campaignsEn }
reports-duration-seconds = { $n ->
    [one] { $n } second
   *[other] { $n } seconds
}
reports-duration-minutes = { $n ->
    [one] { $n } minute
   *[other] { $n } minutes
}
reports-duration-hours = { $n ->
    [one] { $n } hour
   *[other] { $n } hours
}
reports-campaigns-header = Part two: open rounds (lowest completion first; also in the chart)
reports-campaign-title = [{ $title }] closes { $closes }; whole subtree { $done }/{ $total } done ({ $percent })
reports-campaign-row = { $n }. { $name }: { $done }/{ $total } ({ $percent })
reports-campaign-more = { $n } more organisations not listed.
