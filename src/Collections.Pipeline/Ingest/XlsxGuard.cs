using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Collections.Pipeline.Ingest;

/// <summary>
/// Checks a workbook's zip structure and XML against hard limits before ExcelDataReader sees it: a few
/// kilobytes can otherwise declare a cell at column ZZZZZZ, a row 2,147,483,647, a billion shared strings
/// or gigabytes of XML, and ExcelDataReader allocates or loops for what is declared. The check streams
/// every part once with bounded decompression and a DTD-free reader, so a hostile file is refused in
/// milliseconds with one clear error. No served package does this (ExcelDataReader has no limits).
/// </summary>
internal static class XlsxGuard
{
    /// <summary>Excel's own row limit; no genuine worksheet has more.</summary>
    public const int MaxRows = 1_048_576;

    /// <summary>Total uncompressed size of all parts. A 1,048,576-row ledger sheet is about 300 MB.</summary>
    public const long MaxUncompressedBytes = 512L * 1024 * 1024;

    /// <summary>Most distinct shared strings.</summary>
    public const int MaxSharedStrings = 2_000_000;

    /// <summary>Uncompressed / compressed above this (for parts over 1 MiB) is a zip bomb; real sheets compress 5-30 times.</summary>
    public const int MaxCompressionRatio = 200;

    private const long RatioFloorBytes = 1024 * 1024;

    /// <summary>Returns the first limit the workbook breaks, or null when it may be read. Leaves the stream at its start.</summary>
    public static LedgerError? Check(Stream seekable, int maxCellLength)
    {
        var start = seekable.Position;
        try
        {
            using var zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
            return CheckArchive(zip, maxCellLength);
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException or NotSupportedException or ArgumentException)
        {
            // Broken zip or XML (a DTD included): ExcelDataReader would fail too, or worse.
            return new LedgerError(LedgerErrorCode.NotALedger, null, null, null, "not a readable XLSX workbook (" + ex.GetType().Name + ": " + Short(ex.Message) + ")");
        }
        finally
        {
            seekable.Position = start;
        }
    }

    private static LedgerError? CheckArchive(ZipArchive zip, int maxCellLength)
    {
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (entry.Length > MaxUncompressedBytes || total > MaxUncompressedBytes)
            {
                return TooLarge(string.Create(CultureInfo.InvariantCulture,
                    $"the workbook unpacks to more than {MaxUncompressedBytes / 1024 / 1024} MiB (part {entry.FullName})"));
            }

            if (entry.Length > RatioFloorBytes && entry.Length > (long)MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
            {
                return TooLarge(string.Create(CultureInfo.InvariantCulture,
                    $"part {entry.FullName} is compressed {entry.Length / Math.Max(1, entry.CompressedLength)} to 1 (a zip bomb)"));
            }
        }

        var sharedStrings = 0;
        if (zip.GetEntry("xl/sharedStrings.xml") is { } sst)
        {
            var (count, error) = XlsxPartScanner.SharedStrings(Open(sst), maxCellLength);
            if (error is not null)
            {
                return error;
            }

            sharedStrings = count;
        }

        foreach (var entry in zip.Entries)
        {
            if (IsXml(entry) && !IsSheet(entry) && !string.Equals(entry.FullName, "xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase))
            {
                // Styles, workbook, relationships: read once with DTDs prohibited (entity expansion bombs).
                XlsxPartScanner.Drain(Open(entry));
            }
        }

        foreach (var entry in zip.Entries.Where(IsSheet))
        {
            if (XlsxPartScanner.Sheet(Open(entry), sharedStrings, maxCellLength) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    // Every worksheet is checked: which one ExcelDataReader reads first depends on the workbook part.
    private static bool IsSheet(ZipArchiveEntry e) =>
        e.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);

    private static bool IsXml(ZipArchiveEntry e) =>
        e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    // The declared size was checked above; the stream refuses to inflate past it, whatever the header claims.
    private static BoundedReadStream Open(ZipArchiveEntry entry) => new(entry.Open(), entry.Length);

    internal static LedgerError TooLarge(string message) => new(LedgerErrorCode.TooLarge, null, null, null, message);

    private static string Short(string message) => message.Length <= 120 ? message : message[..120] + "...";
}
