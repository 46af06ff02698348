using Collections.Domain.Cases;
using Collections.Domain.Policy;
using Collections.Notices.Email;
using Collections.Notices.Rendering;
using Collections.Pipeline.Cases;

namespace Collections.Pipeline.Orchestration;

/// <summary>The notice request a case renders, and the timeline rows that record a send's outcome.</summary>
internal static class NoticeTimeline
{
    public static NoticeRequest Request(CaseState state, IReadOnlyList<TimelineEntry> timeline, OutboxEntry entry, DateTimeOffset now, DunningPolicy policy, Uri dashboard)
    {
        var contact = state.Contact!;
        var request = new NoticeRequest(entry.Kind, state.Account, state.CustomerName, contact, state.Items, state.AsOf, now)
        {
            DisputedInvoiceIds = state.DisputedInvoiceIds,
            CaseId = state.CaseId,
            CaseLink = new Uri(dashboard, "cases/" + Uri.EscapeDataString(state.CaseId)),
            Facts = NoticeFacts.Derive(state, timeline, entry.Kind, policy),
        };
        if (entry.Kind == NoticeKind.PromiseConfirmation && state.Promise is { } promise)
        {
            request = request with { Promise = new PromiseDetails(promise.PromisedDate, promise.Amount) };
        }

        if (entry.Kind == NoticeKind.DisputeAcknowledgement && entry.Context is { } ctx)
        {
            request = request with
            {
                Dispute = new DisputeDetails(ctx["invoiceIds"].Split(';', StringSplitOptions.RemoveEmptyEntries), ctx.GetValueOrDefault("reason") ?? ""),
            };
        }

        return request;
    }

    public static Dictionary<string, string> Details(RenderedNotice rendered, SendResult result)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["to"] = string.Join(";", rendered.To.Select(a => a.Address)),
            ["cc"] = string.Join(";", rendered.Cc.Select(a => a.Address)),
            ["language"] = rendered.Language == Domain.Ledger.NoticeLanguage.ChineseSimplified ? "zh-CN" : "en",
            ["subject"] = rendered.Subject,
            ["templateId"] = rendered.TemplateId,
            ["templateVersion"] = rendered.TemplateVersion,
            ["contentSha256"] = rendered.ContentSha256,
        };
        if (result.ProviderMessageId is { } id)
        {
            data["providerMessageId"] = id;
        }

        if (!result.Succeeded)
        {
            data["failure"] = result.Failure.ToString();
            data["errorCode"] = result.ErrorCode ?? "";
        }

        return data;
    }

    public static TimelineEntry Entry(DateTimeOffset now, TimelineType type, OutboxEntry entry, string? reason, IReadOnlyDictionary<string, string>? data)
    {
        var details = data is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(data, StringComparer.Ordinal);
        details["outboxId"] = entry.Id;
        return new TimelineEntry(now, type, entry.Kind.StageOf(), entry.Kind, reason, "system", details);
    }
}
