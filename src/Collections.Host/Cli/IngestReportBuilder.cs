using System.Globalization;
using Collections.Domain.Aging;
using Collections.Domain.Cases;
using Collections.Domain.Ledger;
using Collections.Domain.Policy;
using Collections.Pipeline.Ingest;

namespace Collections.Host.Cli;

/// <summary>Turns a parse result into the report: balances and aging per account, and the planned first step.</summary>
internal static class IngestReportBuilder
{
    public static IngestReport Build(LedgerParseResult result, DunningPolicy? policy)
    {
        var errors = result.Errors
            .Select(e => new IngestReportError(e.Row, e.Column, e.Value, e.Message))
            .ToList();
        if (result.ErrorsOmitted > 0)
        {
            // Keeps the document's shape: the cap is reported as one more, file-level entry.
            errors.Add(new IngestReportError(null, null, null,
                string.Create(CultureInfo.InvariantCulture, $"{result.ErrorsOmitted} more errors not listed ({result.ErrorCount} in total)")));
        }

        var accounts = result.IsValid
            ? result.Accounts.Select(a => Account(a, result.AsOf, policy)).ToList()
            : [];
        return new IngestReport(result.FileName, result.Sha256, Date(result.AsOf), result.IsValid, result.RowCount, errors, accounts);
    }

    private static IngestReportAccount Account(CustomerAccount account, DateOnly asOf, DunningPolicy? policy)
    {
        var balance = AccountBalance.Compute(account.Items, asOf);
        var balances = balance.Balances
            .Select(b => new IngestReportBalance(
                b.Currency.Code,
                b.Currency.FormatInvariant(b.Open),
                b.Currency.FormatInvariant(b.Overdue),
                b.Currency.FormatInvariant(b.Disputed)))
            .ToList();
        var step = policy is null ? null : DunningPlanner.FirstStep(account, asOf, policy);
        return new IngestReportAccount(
            account.Key.Entity,
            account.Key.CustomerId,
            account.CustomerName,
            balance.DaysOverdue,
            balance.Bucket.ToLabel(),
            balance.Light.ToLabel(),
            balance.OldestOverdueDueDate is { } d ? Date(d) : null,
            balances,
            step is null ? null : new IngestReportStep(StageName(step.Stage), step.At.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)));
    }

    // The ladder's stage names as domain.md section 4 spells them (the enum's Escalated is "Escalation").
    private static string StageName(CaseStage stage) => stage switch
    {
        CaseStage.Escalated => "Escalation",
        _ => stage.ToString(),
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
