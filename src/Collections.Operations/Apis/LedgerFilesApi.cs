using System.Globalization;
using System.Text.Json;
using Azure;
using Collections.Operations.Apis.Models;
using Collections.Pipeline.LedgerFiles;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collections.Operations.Apis;

/// <summary>Ledger files: list (newest first, continuation paging) and detail with the error report read from its blob.</summary>
internal static class LedgerFilesApi
{
    private const long MaxReportBytes = 8 * 1024 * 1024;

    public static RouteGroupBuilder MapLedgerFilesApi(this RouteGroupBuilder api)
    {
        var files = api.MapGroup("/ledger-files").WithTags("Ledger files");
        files.MapGet("", ListFiles).WithName("ListLedgerFiles").WithSummary("Ledger files, newest first, with status and progress.");
        files.MapGet("/{id}", GetFile).WithName("GetLedgerFile").WithSummary("One ledger file with its report (errors by row and column for rejected files).");
        return api;
    }

    public static async Task<Results<Ok<LedgerFilePageDto>, ValidationProblem>> ListFiles(
        string? pageSize, string? continuationToken, ILedgerFileStore store, CancellationToken ct)
    {
        var size = 50;
        if (pageSize is { Length: > 0 } && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > 200))
        {
            return ApiProblems.Invalid("pageSize", "must be a whole number from 1 to 200");
        }

        if (continuationToken is { Length: > 0 } token && (token.Length > 1024 || token.Any(char.IsControl)))
        {
            return ApiProblems.Invalid("continuationToken", "is not a token this API returned");
        }

        try
        {
            var (items, next) = await store.ListAsync(size, string.IsNullOrEmpty(continuationToken) ? null : continuationToken, ct);
            return TypedResults.Ok(new LedgerFilePageDto([.. items.Select(ToDto)], next));
        }
        catch (Exception ex) when (ex is RequestFailedException { Status: StatusCodes.Status400BadRequest } or FormatException or ArgumentException)
        {
            // The token goes to storage as it came: storage refusing it means the caller made it up.
            return ApiProblems.Invalid("continuationToken", "is not a token this API returned");
        }
    }

    public static async Task<Results<Ok<LedgerFileDetailDto>, ProblemHttpResult>> GetFile(
        string id, ILedgerFileStore store, BlobServiceClient blobs, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } record)
        {
            return ApiProblems.NotFound($"ledger file {id} not found");
        }

        var (report, error) = await ReadReportAsync(blobs, record.ReportBlob, ct);
        return TypedResults.Ok(new LedgerFileDetailDto(ToDto(record), report, error));
    }

    public static LedgerFileDto ToDto(LedgerFileRecord r) => new()
    {
        Id = r.Id,
        FileName = r.FileName,
        ReceivedAt = r.ReceivedAt,
        Status = r.Status.ToString(),
        Entity = r.Entity,
        AsOf = r.AsOf,
        Sha256 = r.Sha256,
        RowsValidated = r.RowsValidated,
        RowsTotal = r.RowsTotal,
        AccountsApplied = r.AccountsApplied,
        AccountsTotal = r.AccountsTotal,
        Progress = Progress(r),
        ErrorCount = r.ErrorCount,
        Message = r.Message,
        CompletedAt = r.CompletedAt,
        DuplicateOf = r.DuplicateOf,
        ReportBlob = r.ReportBlob,
        ReportCsvBlob = r.ReportCsvBlob,
    };

    private static int Progress(LedgerFileRecord r) => r.Status switch
    {
        LedgerFileStatus.Applied or LedgerFileStatus.Rejected or LedgerFileStatus.Duplicate or LedgerFileStatus.Stale => 100,
        LedgerFileStatus.Applying when r.AccountsTotal is > 0 => 50 + (50 * r.AccountsApplied / r.AccountsTotal.Value),
        LedgerFileStatus.Validating or LedgerFileStatus.Applying when r.RowsTotal is > 0 => 50 * r.RowsValidated / r.RowsTotal.Value,
        _ => 0,
    };

    /// <summary>Reads <c>container/name</c> as JSON; a missing or unreadable report is an explanation, not a failure.</summary>
    private static async Task<(JsonElement? Report, string? Error)> ReadReportAsync(BlobServiceClient blobs, string? path, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(path))
        {
            return (null, null);
        }

        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == path.Length - 1)
        {
            return (null, $"report location '{path}' is not container/name");
        }

        try
        {
            var blob = blobs.GetBlobContainerClient(path[..slash]).GetBlobClient(path[(slash + 1)..]);
            var content = (await blob.DownloadContentAsync(ct)).Value.Content;
            if (content.ToMemory().Length > MaxReportBytes)
            {
                return (null, "the report is too large to show; download it from storage");
            }

            using var doc = JsonDocument.Parse(content.ToMemory());
            return (doc.RootElement.Clone(), null);
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status404NotFound)
        {
            return (null, "the report blob does not exist (yet)");
        }
        catch (JsonException)
        {
            return (null, "the report is not valid JSON");
        }
    }
}
