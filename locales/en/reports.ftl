reports-not-allowed = Only committee staff, branch secretaries and admins can see transfer statistics, and only for their own organisation and those below it.
reports-out-of-scope = That organisation is outside your scope, so you cannot see its transfer statistics.
reports-choose-org = Statistics for which organisation?
reports-none = { $org } had no transfers in the week { $from } to { $to }.
reports-table =
    Weekly transfer report: { $org }, { $from } to { $to }
    Whole subtree: { $received } received, { $within } handled in time, response rate { $rate }; median { $median }, P90 { $p90 }; { $breaches } overdue; escalated { $escalations } times.
    By child organisation (worst first; the chart's bars carry the same numbers):
    No. Organisation | Response rate | In time/received | Median | P90 | Overdue | Escalated
    { $rows }{ $more ->
        [0] {""}
       *[other] {"\u000A"}{ $more } more organisations had transfers and are not listed.
    }{ $quiet ->
        [0] {""}
       *[other] {"\u000A"}{ $quiet } child organisations had no transfers this week.
    }
