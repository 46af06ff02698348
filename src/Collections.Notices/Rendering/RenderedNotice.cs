using Collections.Domain.Cases;
using Collections.Domain.Ledger;
using Collections.Notices.Email;

namespace Collections.Notices.Rendering;

/// <summary>A rendered notice, ready to send and to record on the timeline.</summary>
/// <param name="Kind">The notice kind.</param>
/// <param name="Language">The language it is written in.</param>
/// <param name="Subject">One-line subject.</param>
/// <param name="Html">A complete UTF-8 HTML document.</param>
/// <param name="Text">The plain-text body.</param>
/// <param name="TemplateId">E.g. <c>demand.zh-CN</c>.</param>
/// <param name="TemplateVersion"><c>builtin-…</c> or <c>override-&lt;hash&gt;</c>.</param>
/// <param name="ContentSha256">Lower-case hex SHA-256 of UTF-8 subject, NUL, HTML, NUL, text.</param>
/// <param name="To">Primary recipients.</param>
/// <param name="Cc">Copied recipients (the account's cc list for Demand and later).</param>
/// <param name="ReplyTo">Where replies go (the configured contact e-mail).</param>
public sealed record RenderedNotice(
    NoticeKind Kind,
    NoticeLanguage Language,
    string Subject,
    string Html,
    string Text,
    string TemplateId,
    string TemplateVersion,
    string ContentSha256,
    IReadOnlyList<EmailAddress> To,
    IReadOnlyList<EmailAddress> Cc,
    IReadOnlyList<EmailAddress> ReplyTo);
