using System.Text;

namespace Collections.Pipeline.Ingest;

/// <summary>
/// Reads a ledger file (CSV or XLSX), validates every row against domain.md section 2 and returns the
/// accounts of a valid file, all errors of an invalid one, its SHA-256 and its as-of date. Streams: the
/// file is never loaded whole (a workbook on a non-seekable stream is spooled to a temporary file,
/// because the zip format needs seeking). Bad input never throws; only I/O failures and cancellation do.
/// </summary>
public sealed class LedgerParser
{
    private const int SniffLength = 64 * 1024;

    private readonly IngestOptions _options;

    public LedgerParser(IngestOptions options)
    {
        options.ThrowIfInvalid();
        _options = options;
        CodePages.EnsureRegistered();
    }

    /// <summary>Parses a file from disk.</summary>
    public LedgerParseResult ParseFile(string path, LedgerParseRequest request, CancellationToken cancellationToken = default)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        return Parse(stream, request, cancellationToken);
    }

    /// <summary>Parses a file from a stream (read from its current position to the end; not disposed).</summary>
    public LedgerParseResult Parse(Stream content, LedgerParseRequest request, CancellationToken cancellationToken = default)
    {
        var start = content.CanSeek ? content.Position : 0;
        Encoding? forced = null;
        string? forcedName = null;
        if (request.EncodingName is { Length: > 0 } name)
        {
            forced = CodePages.TryGetStrict(name);
            forcedName = name.Trim().ToLowerInvariant();
            if (forced is null)
            {
                var errors = new LedgerErrorList(_options.MaxErrors);
                errors.FileLevel(LedgerErrorCode.Encoding, $"unknown encoding '{name}' (use utf-8 or gb18030)");
                using var drain = new HashingReadStream(content);
                return Finish(new Run(request, errors, drain), null, null, cancellationToken);
            }
        }

        // Items get their provenance (file, digest, row) when their account is read, so the digest is
        // computed while parsing: the file is read once.
        var result = ParseOnce(content, request, forced, forcedName, cancellationToken, out var retryAsGb18030);
        if (retryAsGb18030 && content.CanSeek)
        {
            // Valid UTF-8 at the start but not further on: the file is GB18030 after all. Start again.
            content.Position = start;
            result = ParseOnce(content, request, CodePages.StrictGb18030(), "gb18030", cancellationToken, out _);
        }

        return result;
    }

    private LedgerParseResult ParseOnce(Stream content, LedgerParseRequest request, Encoding? forced, string? forcedName, CancellationToken ct, out bool retryAsGb18030)
    {
        retryAsGb18030 = false;
        var start = content.CanSeek ? content.Position : 0;
        using var hashing = new HashingReadStream(content);
        var run = new Run(request, new LedgerErrorList(_options.MaxErrors), hashing);
        var prefix = new byte[SniffLength];
        var n = hashing.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
        if (n == 0)
        {
            run.Errors.FileLevel(LedgerErrorCode.NotALedger, "the file is empty");
            return Finish(run, null, null, ct);
        }

        if (LedgerSniffer.IsWorkbook(prefix.AsSpan(0, n)))
        {
            run.Format = LedgerFileFormat.Xlsx;
            return ParseWorkbook(run, content, start, prefix, n, ct);
        }

        var extension = Path.GetExtension(request.FileName);
        if (extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase) || extension.Equals(".xls", StringComparison.OrdinalIgnoreCase))
        {
            run.Errors.FileLevel(LedgerErrorCode.NotALedger, $"the file is named {extension} but is not an Excel workbook");
            return Finish(run, null, null, ct);
        }

        run.Format = LedgerFileFormat.Csv;
        run.ExpectedRows = content.CanSeek ? (int)Math.Min(16_000_000, (content.Length - start) / 160) : 0;
        var (encoding, encodingName, skip, auto) = LedgerSniffer.ChooseEncoding(prefix.AsSpan(0, n), n < prefix.Length, forced, forcedName);
        if (encoding is null)
        {
            run.Errors.FileLevel(LedgerErrorCode.NotALedger, "not a ledger: the file is binary, not text (CSV) or an Excel workbook");
            return Finish(run, null, null, ct);
        }

        run.Encoding = encodingName;
        using var text = new StreamReader(new PrefixedReadStream(prefix, skip, n - skip, hashing), encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
        using var rows = new CsvRowReader(text, _options.MaxFieldLength);
        ReadRows(run, rows, rows.SetWantedColumns, ct);
        if (rows.FatalError is { Code: LedgerErrorCode.Encoding } && auto)
        {
            if (content.CanSeek)
            {
                retryAsGb18030 = true;
                return Finish(run, null, null, ct);
            }

            run.Errors.Add(rows.FatalError with
            {
                Message = "the bytes are not valid UTF-8 from about this row on; if the file is GB18030, say so (--encoding gb18030, blob metadata encoding=gb18030)",
            });
        }
        else if (rows.FatalError is { } fatal)
        {
            run.Errors.Add(fatal.Code == LedgerErrorCode.Encoding
                ? fatal with { Message = $"the bytes are not valid {encodingName} from about this row on" }
                : fatal);
        }

        return Finish(run, rows.FatalError, null, ct);
    }

    private LedgerParseResult ParseWorkbook(Run run, Stream content, long start, byte[] prefix, int n, CancellationToken ct)
    {
        Stream workbook;
        FileStream? spool = null;
        if (content.CanSeek)
        {
            run.Hashing.Complete(ct);
            content.Position = start;
            workbook = content;
        }
        else
        {
            spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
            spool.Write(prefix, 0, n);
            run.Hashing.CopyTo(spool);
            spool.Position = 0;
            workbook = spool;
        }

        try
        {
            if (prefix.AsSpan(0, n).StartsWith("PK"u8) && XlsxGuard.Check(workbook, _options.MaxFieldLength) is { } refused)
            {
                run.Errors.Add(refused);
                return Finish(run, refused, null, ct);
            }

            using var rows = XlsxRowReader.Open(workbook);
            if (rows.FatalError is null)
            {
                ReadRows(run, rows, null, ct);
            }

            if (rows.FatalError is { } fatal)
            {
                run.Errors.Add(fatal);
            }

            return Finish(run, rows.FatalError, "the first worksheet is empty", ct);
        }
        finally
        {
            spool?.Dispose();
        }
    }

    private void ReadRows(Run run, ILedgerRowReader rows, Action<bool[]?>? want, CancellationToken ct)
    {
        if (!rows.TryReadRow(out var headerRow, out var cells, out var count))
        {
            run.NoHeader = rows.FatalError is null;
            return;
        }

        var header = LedgerHeader.TryBuild(cells, count, headerRow, run.Request.Profile, run.Errors);
        if (header is null)
        {
            // Not processable, but still count the rows for the report (one row in memory at a time).
            while (rows.TryReadRow(out _, out _, out _))
            {
                run.Rows++;
            }

            return;
        }

        want?.Invoke(header.Wanted);
        var items = run.Request.IncludeAccounts ? new ItemStore(new CharArena()) : null;
        var validator = new LedgerRowValidator(header, run.Errors, run.Request.Profile, _options, items, run.ExpectedRows);
        run.Accounts = new AccountAccumulator(run.Errors, items);
        while (rows.TryReadRow(out var row, out cells, out count))
        {
            if ((++run.Rows & 0x3FFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            if (validator.Validate(row, cells, count, out var record))
            {
                run.Accounts.Add(record);
            }
        }

        run.ColumnAsOf = validator.AsOf;
        if (run.Rows == 0 && rows.FatalError is null)
        {
            // Decision (docs/ledger-format.md): an empty snapshot would settle every open item of the entity, so it is never applied.
            run.Errors.FileLevel(LedgerErrorCode.NoDataRows, "no data rows: the file has a header but no rows; an empty ledger is refused (it would settle every open item)");
        }
    }

    private LedgerParseResult Finish(Run run, LedgerError? fatal, string? emptyMessage, CancellationToken ct)
    {
        if (run.NoHeader && fatal is null)
        {
            run.Errors.FileLevel(LedgerErrorCode.NotALedger, emptyMessage ?? "the file has no header row (only blank lines)");
        }

        var sha = run.Hashing.Complete(ct);
        var (asOf, source) = ResolveAsOf(run);
        var valid = run.Errors.Count == 0;
        var accounts = valid && run.Accounts is { } acc && run.Request.IncludeAccounts
            ? acc.Build(run.Request.FileName, sha, run.Request.Profile?.Defaults ?? new MappingProfileDefaults(), _options)
            : [];
        return new LedgerParseResult
        {
            FileName = run.Request.FileName,
            Sha256 = sha,
            AsOf = asOf,
            AsOfSource = source,
            Format = run.Format,
            Encoding = run.Encoding,
            Entities = run.Accounts?.Entities.Order(StringComparer.Ordinal).ToList() ?? [],
            RowCount = run.Rows,
            Errors = run.Errors.Kept.ToList(),
            ErrorCount = run.Errors.Count,
            Accounts = accounts,
            AccountCount = run.Accounts?.Count ?? 0,
        };
    }

    private static (DateOnly AsOf, AsOfSource Source) ResolveAsOf(Run run)
    {
        if (run.Request.AsOf is { } explicitDate)
        {
            return (explicitDate, AsOfSource.Option);
        }

        if (run.ColumnAsOf is { } column)
        {
            return (column, AsOfSource.Column);
        }

        switch (FileNameDate.TryRead(run.Request.FileName, out var fromName))
        {
            case FileNameDate.Outcome.Found:
                return (fromName, AsOfSource.FileName);
            case FileNameDate.Outcome.Invalid:
                run.Errors.FileLevel(LedgerErrorCode.AsOfConflict, "the file name ends in a date that does not exist; fix the name or give the as-of date explicitly");
                break;
        }

        return (run.Request.UploadDate, AsOfSource.UploadDate);
    }

    // Mutable state of one pass over a file.
    private sealed class Run(LedgerParseRequest request, LedgerErrorList errors, HashingReadStream hashing)
    {
        public LedgerParseRequest Request { get; } = request;

        public LedgerErrorList Errors { get; } = errors;

        public HashingReadStream Hashing { get; } = hashing;

        public LedgerFileFormat Format { get; set; }

        public string? Encoding { get; set; }

        public int Rows { get; set; }

        /// <summary>Rows a CSV of this size usually has (about 160 bytes a row): sizes the invoice id table up front.</summary>
        public int ExpectedRows { get; set; }

        public bool NoHeader { get; set; }

        public DateOnly? ColumnAsOf { get; set; }

        public AccountAccumulator? Accounts { get; set; }
    }
}
