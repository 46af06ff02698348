using Collections.Domain.Cases;
using Collections.Domain.Ledger;

namespace Collections.Notices.Templating;

/// <summary>
/// The file naming convention for templates, built-in and overrides alike:
/// <c>&lt;kind&gt;.&lt;lang&gt;.subject.txt</c>, <c>&lt;kind&gt;.&lt;lang&gt;.html</c> and
/// <c>&lt;kind&gt;.&lt;lang&gt;.txt</c>, where kind is the kebab-case kind (<c>final-notice</c>) and
/// lang is <c>en</c> or <c>zh-CN</c>.
/// </summary>
public static class TemplateFileNames
{
    /// <summary>The kebab-case code of a kind, e.g. <c>final-notice</c>.</summary>
    public static string KindCode(NoticeKind kind) => kind switch
    {
        NoticeKind.PreDue => "pre-due",
        NoticeKind.Reminder => "reminder",
        NoticeKind.Demand => "demand",
        NoticeKind.FinalNotice => "final-notice",
        NoticeKind.Escalation => "escalation",
        NoticeKind.Receipt => "receipt",
        NoticeKind.PromiseConfirmation => "promise-confirmation",
        NoticeKind.DisputeAcknowledgement => "dispute-acknowledgement",
        NoticeKind.ApprovalReminder => "approval-reminder",
        NoticeKind.LegalHandoff => "legal-handoff",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown notice kind."),
    };

    /// <summary>The template id of a kind and language, e.g. <c>demand.zh-CN</c>.</summary>
    public static string TemplateId(NoticeKind kind, NoticeLanguage language) => $"{KindCode(kind)}.{language.ToCode()}";

    /// <summary>The file name of one part, e.g. <c>demand.zh-CN.subject.txt</c>.</summary>
    public static string FileName(NoticeKind kind, NoticeLanguage language, TemplatePart part) =>
        TemplateId(kind, language) + part switch
        {
            TemplatePart.Subject => ".subject.txt",
            TemplatePart.Html => ".html",
            _ => ".txt",
        };

    /// <summary>Parses a file name of the convention; false for anything else.</summary>
    public static bool TryParse(string fileName, out NoticeKind kind, out NoticeLanguage language, out TemplatePart part)
    {
        foreach (var k in Enum.GetValues<NoticeKind>())
        {
            foreach (var l in Enum.GetValues<NoticeLanguage>())
            {
                foreach (var p in Enum.GetValues<TemplatePart>())
                {
                    if (string.Equals(FileName(k, l, p), fileName, StringComparison.Ordinal))
                    {
                        (kind, language, part) = (k, l, p);
                        return true;
                    }
                }
            }
        }

        (kind, language, part) = (default, default, default);
        return false;
    }
}
