using Collections.Domain.Cases;
using Collections.Notices.Email;

namespace Collections.Notices.Evidence;

/// <summary>A notice as the timeline recorded it.</summary>
public sealed record EvidenceNotice(
    DateTimeOffset SentAt,
    NoticeKind Kind,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    string TemplateId,
    string TemplateVersion,
    string ContentSha256,
    string? ProviderMessageId,
    SendStatus Result,
    SendFailureKind Failure = SendFailureKind.None,
    string? ErrorCode = null);
