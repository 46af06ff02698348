using Collections.Notices.Rendering;
using Fluid.Values;

namespace Collections.Notices.Templating;

/// <summary>
/// A template variable in its two forms. Plain values are handed to Fluid as strings, which its HTML
/// encoder escapes in HTML bodies; blocks are HTML this assembly built from encoded values and are
/// passed through unencoded; flags and numbers are Liquid booleans and numbers for conditions; a
/// missing value is nil (false in a condition, nothing when printed). Nothing a debtor or a ledger
/// supplies reaches HTML unescaped.
/// </summary>
internal sealed class TemplateValue
{
    private readonly FluidValue _text;
    private readonly FluidValue _html;

    private TemplateValue(FluidValue text, FluidValue html)
    {
        _text = text;
        _html = html;
    }

    /// <summary>No value: nil.</summary>
    public static TemplateValue None { get; } = new(NilValue.Instance, NilValue.Instance);

    /// <summary>A plain value: HTML-encoded by Fluid in HTML bodies.</summary>
    public static TemplateValue Plain(string text) => new(new StringValue(text), new StringValue(text));

    /// <summary>A plain date, amount or name that may be absent.</summary>
    public static TemplateValue Optional(string? text) => text is null ? None : Plain(text);

    /// <summary>A yes/no fact for conditions.</summary>
    public static TemplateValue Flag(bool value) => new(BooleanValue.Create(value), BooleanValue.Create(value));

    /// <summary>A whole number (days, counts) usable in comparisons.</summary>
    public static TemplateValue Number(int value) => new(NumberValue.Create(value), NumberValue.Create(value));

    /// <summary>A multi-line plain value: each line HTML-encoded, line breaks become <c>&lt;br&gt;</c>.</summary>
    public static TemplateValue Multiline(string text) =>
        Block(text, string.Join("<br>\n", text.Split('\n').Select(l => HtmlText.Encode(l.TrimEnd('\r')))));

    /// <summary>A block rendered by this assembly; <paramref name="safeHtml"/> must already be escaped.</summary>
    public static TemplateValue Block(string text, string safeHtml) => new(new StringValue(text), new StringValue(safeHtml, encode: false));

    /// <summary>The value for the subject or the plain-text body.</summary>
    public FluidValue ForText() => _text;

    /// <summary>The value for the HTML body.</summary>
    public FluidValue ForHtml() => _html;
}
