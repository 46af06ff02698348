using System.Globalization;
using Collections.Domain.Cases;
using Collections.Domain.Monetary;
using Collections.Notices.Email;
using Collections.Notices.Evidence;

namespace Collections.Pipeline.Cases;

/// <summary>Turns a case's state and timeline into the evidence pack's input (notices, promises, disputes).</summary>
public static class EvidenceMapper
{
    /// <summary>Builds the input for <see cref="EvidencePackBuilder"/>.</summary>
    public static EvidencePackInput ToInput(CaseState state, IReadOnlyList<TimelineEntry> timeline, DateTimeOffset now)
    {
        var notices = timeline
            .Where(e => e.Type is TimelineType.NoticeSent or TimelineType.NoticeFailed && e.Notice is not null)
            .Select(e => new EvidenceNotice(
                e.At,
                e.Notice!.Value,
                Split(Get(e, "to")),
                Split(Get(e, "cc")),
                Get(e, "templateId") ?? "",
                Get(e, "templateVersion") ?? "",
                Get(e, "contentSha256") ?? "",
                Get(e, "providerMessageId"),
                e.Type == TimelineType.NoticeSent ? SendStatus.Sent : SendStatus.Failed,
                e.Type == TimelineType.NoticeSent ? SendFailureKind.None : Enum.TryParse<SendFailureKind>(Get(e, "failure"), out var f) ? f : SendFailureKind.Permanent,
                Get(e, "errorCode")))
            .ToList();

        var promises = new List<EvidencePromise>();
        foreach (var recorded in timeline.Where(e => e.Type == TimelineType.PromiseRecorded))
        {
            var date = Get(recorded, "promisedDate");
            var outcome = timeline.FirstOrDefault(e => e.At >= recorded.At && e.Type is TimelineType.PromiseKept or TimelineType.PromiseBroken && string.Equals(Get(e, "promisedDate"), date, StringComparison.Ordinal));
            promises.Add(new EvidencePromise(
                recorded.At,
                recorded.Actor ?? "",
                DateOnly.ParseExact(date!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                new Money(decimal.Parse(Get(recorded, "amount")!, CultureInfo.InvariantCulture), Currency.Parse(Get(recorded, "currency")!)),
                outcome?.Type switch
                {
                    TimelineType.PromiseKept => EvidencePromiseOutcome.Kept,
                    TimelineType.PromiseBroken => EvidencePromiseOutcome.Broken,
                    _ => EvidencePromiseOutcome.Open,
                }));
        }

        var disputes = timeline.Where(e => e.Type == TimelineType.Disputed).Select(d =>
        {
            var ids = Split(Get(d, "invoiceIds"));
            var resolved = timeline.FirstOrDefault(e => e.At >= d.At && e.Type == TimelineType.DisputeResolved && Split(Get(e, "invoiceIds")).Intersect(ids, StringComparer.Ordinal).Any());
            return new EvidenceDispute(d.At, d.Actor ?? "", ids, d.Reason ?? "", resolved?.At, resolved?.Reason);
        }).ToList();

        return new EvidencePackInput(state.CaseId, state.Account, state.CustomerName, state.Contact!, state.AsOf, state.Items, notices, promises, disputes, now)
        {
            DisputedInvoiceIds = state.DisputedInvoiceIds,
        };
    }

    private static string? Get(TimelineEntry e, string key) => e.Data is not null && e.Data.TryGetValue(key, out var v) ? v : null;

    private static List<string> Split(string? value) =>
        string.IsNullOrEmpty(value) ? [] : [.. value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
