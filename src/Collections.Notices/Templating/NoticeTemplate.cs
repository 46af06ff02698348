using Collections.Domain.Cases;
using Collections.Domain.Ledger;

namespace Collections.Notices.Templating;

/// <summary>The three parsed parts of one kind's template in one language, with its id and version.</summary>
internal sealed record NoticeTemplate(
    NoticeKind Kind,
    NoticeLanguage Language,
    LiquidTemplate Subject,
    LiquidTemplate Html,
    LiquidTemplate Text,
    string Version)
{
    public string Id => TemplateFileNames.TemplateId(Kind, Language);
}
