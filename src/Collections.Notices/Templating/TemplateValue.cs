using Collections.Notices.Rendering;

namespace Collections.Notices.Templating;

/// <summary>
/// A value for a placeholder in both its forms: plain text for subject and text bodies, and safe HTML
/// for HTML bodies. Only code in this assembly builds HTML forms, and plain values are always encoded,
/// so nothing a debtor or a ledger supplies reaches HTML unescaped.
/// </summary>
internal sealed class TemplateValue
{
    private TemplateValue(string text, string html)
    {
        Text = text;
        Html = html;
    }

    public string Text { get; }

    public string Html { get; }

    /// <summary>A plain value: HTML-encoded for HTML bodies.</summary>
    public static TemplateValue Plain(string text) => new(text, HtmlText.Encode(text));

    /// <summary>A multi-line plain value: HTML-encoded, line breaks become <c>&lt;br&gt;</c>.</summary>
    public static TemplateValue Multiline(string text) =>
        new(text, string.Join("<br>\n", text.Split('\n').Select(l => HtmlText.Encode(l.TrimEnd('\r')))));

    /// <summary>A block rendered by this assembly; <paramref name="safeHtml"/> must already be escaped.</summary>
    public static TemplateValue Block(string text, string safeHtml) => new(text, safeHtml);
}
