using System.Globalization;
using System.Text;

namespace Collections.Pipeline.Storage;

/// <summary>Reversible escaping of ids for table keys, which may not contain <c>/ \ # ?</c> or control characters.</summary>
public static class TableKeys
{
    /// <summary>Escapes <c>%</c>, <c>/</c>, <c>\</c>, <c>#</c>, <c>?</c> and control characters as <c>%XX</c>.</summary>
    public static string Encode(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '%' or '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                sb.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
