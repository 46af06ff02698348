using System.Text;

namespace Collections.Notices.Rendering;

/// <summary>
/// HTML encoding for text and attribute values: <c>&amp; &lt; &gt; " '</c>. Other characters, Chinese
/// included, pass through unchanged (documents are UTF-8), which keeps golden files readable.
/// </summary>
internal static class HtmlText
{
    public static string Encode(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return value;
        }

        var sb = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }
}
