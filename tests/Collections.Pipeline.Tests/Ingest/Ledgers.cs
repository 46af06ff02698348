using System.Text;
using Collections.Pipeline.Ingest;

namespace Collections.Pipeline.Tests.Ingest;

/// <summary>Parsing shortcuts for tests.</summary>
internal static class Ledgers
{
    public static readonly DateOnly UploadDate = new(2026, 6, 12);

    public static LedgerParseResult Parse(
        string text,
        string fileName = "ledger.csv",
        Func<LedgerParseRequest, LedgerParseRequest>? configure = null,
        IngestOptions? options = null) =>
        Parse(Encoding.UTF8.GetBytes(text), fileName, configure, options);

    public static LedgerParseResult Parse(
        byte[] bytes,
        string fileName = "ledger.csv",
        Func<LedgerParseRequest, LedgerParseRequest>? configure = null,
        IngestOptions? options = null,
        bool seekable = true)
    {
        var request = new LedgerParseRequest(fileName, UploadDate);
        request = configure?.Invoke(request) ?? request;
        using Stream stream = seekable ? new MemoryStream(bytes) : new NonSeekableStream(bytes);
        return new LedgerParser(options ?? new IngestOptions()).Parse(stream, request);
    }

    public static LedgerError SingleError(this LedgerParseResult result)
    {
        Assert.False(result.IsValid);
        return Assert.Single(result.Errors);
    }

    public static void AssertValid(this LedgerParseResult result)
    {
        Assert.True(result.IsValid, "unexpected errors: " + string.Join(" | ", result.Errors.Select(e => $"{e.Row}/{e.Column}/{e.Value}: {e.Message}")));
    }

    public static void AssertError(this LedgerParseResult result, LedgerErrorCode code, int? row, string? column, string? value = null)
    {
        Assert.False(result.IsValid);
        Assert.Empty(result.Accounts);
        Assert.Contains(result.Errors, e => e.Code == code && e.Row == row && e.Column == column && (value is null || e.Value == value));
    }
}
