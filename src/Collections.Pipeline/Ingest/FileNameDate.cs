using System.Globalization;

namespace Collections.Pipeline.Ingest;

/// <summary>Reads a <c>_yyyy-MM-dd</c> or <c>-yyyy-MM-dd</c> suffix from a file name (before its extension).</summary>
internal static class FileNameDate
{
    public enum Outcome
    {
        None,
        Found,
        Invalid,
    }

    public static Outcome TryRead(string fileName, out DateOnly date)
    {
        date = default;
        var stem = Path.GetFileNameWithoutExtension(fileName.AsSpan());
        if (stem.Length < 11 || stem[^11] is not ('_' or '-'))
        {
            return Outcome.None;
        }

        var tail = stem[^10..];
        if (!DateValueParser.IsIsoShape(tail))
        {
            return Outcome.None;
        }

        return DateOnly.TryParseExact(tail, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            ? Outcome.Found
            : Outcome.Invalid;
    }
}
