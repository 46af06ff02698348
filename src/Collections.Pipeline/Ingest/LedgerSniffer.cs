using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Collections.Pipeline.Ingest;

/// <summary>Recognises the container format and the text encoding of a ledger file from its first bytes.</summary>
internal static class LedgerSniffer
{
    /// <summary>Zip (XLSX) or OLE2 (legacy XLS) signature.</summary>
    public static bool IsWorkbook(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("PK\u0003\u0004"u8) || bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    /// <summary>
    /// Picks the decoder for a CSV from its first bytes: an explicit encoding wins; a BOM decides; NUL bytes
    /// mean binary (null); valid UTF-8 means UTF-8 (<c>Auto</c>: may still turn out to be GB18030 later);
    /// anything else is GB18030. <c>Skip</c> is the BOM length.
    /// </summary>
    public static (Encoding? Encoding, string Name, int Skip, bool Auto) ChooseEncoding(ReadOnlySpan<byte> prefix, bool complete, Encoding? forced, string? forcedName)
    {
        var utf8Bom = prefix.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        if (forced is not null)
        {
            return (forced, forcedName!, forced.CodePage == Encoding.UTF8.CodePage ? utf8Bom : 0, false);
        }

        if (utf8Bom > 0)
        {
            return (CodePages.StrictUtf8, "utf-8", 3, false);
        }

        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || prefix.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var unicode = prefix[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            var strict = Encoding.GetEncoding(unicode.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            return (strict, prefix[0] == 0xFF ? "utf-16le" : "utf-16be", 2, false);
        }

        if (prefix.Contains((byte)0))
        {
            return (null, string.Empty, 0, false);
        }

        // Valid UTF-8 (a sequence cut at the end of the sniffed block is fine) means UTF-8; else GB18030.
        var status = Utf8.ToUtf16(prefix, new char[prefix.Length], out _, out _, replaceInvalidSequences: false, isFinalBlock: complete);
        return status is OperationStatus.Done or OperationStatus.NeedMoreData
            ? (CodePages.StrictUtf8, "utf-8", 0, true)
            : (CodePages.StrictGb18030(), "gb18030", 0, false);
    }
}
