using System.Globalization;
using System.Text;
using Collections.Operations.Apis.Models;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collections.Operations.Apis;

/// <summary>
/// Exports for finance (reader keys): write-offs and credit holds placed or lifted over a period, as JSON or CSV
/// (<c>format=csv</c>), from the case timelines, so finance can post them in the ERP.
/// </summary>
internal static class ExportsApi
{
    public static RouteGroupBuilder MapExportsApi(this RouteGroupBuilder api)
    {
        var exports = api.MapGroup("/exports").WithTags("Exports");
        exports.MapGet("/write-offs", WriteOffs).WithName("ExportWriteOffs")
            .WithSummary("Amounts written off in the period (one row per case and currency), as JSON or CSV (format=csv).");
        exports.MapGet("/credit-holds", CreditHolds).WithName("ExportCreditHolds")
            .WithSummary("Credit holds placed or lifted in the period, as JSON or CSV (format=csv).");
        return api;
    }

    public static async Task<Results<Ok<ExportDto<WriteOffExportRow>>, ContentHttpResult, ValidationProblem>> WriteOffs(
        string? entity, string? from, string? to, string? format, FinanceExportQuery query, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        if (!TryRequest(entity, from, to, format, time, out var request, out var error))
        {
            return ApiProblems.Invalid(error.Field, error.Message);
        }

        var rows = await query.WriteOffsAsync(request.Entity, request.Period.From, request.Period.To, ct);
        return request.Csv
            ? Csv(http, ExportCsv.WriteOffs(rows), "write-offs", request.Period)
            : TypedResults.Ok(new ExportDto<WriteOffExportRow>(request.Period.From, request.Period.To, request.Entity, time.GetUtcNow(), rows));
    }

    public static async Task<Results<Ok<ExportDto<CreditHoldExportRow>>, ContentHttpResult, ValidationProblem>> CreditHolds(
        string? entity, string? from, string? to, string? format, FinanceExportQuery query, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        if (!TryRequest(entity, from, to, format, time, out var request, out var error))
        {
            return ApiProblems.Invalid(error.Field, error.Message);
        }

        var rows = await query.CreditHoldsAsync(request.Entity, request.Period.From, request.Period.To, ct);
        return request.Csv
            ? Csv(http, ExportCsv.CreditHolds(rows), "credit-holds", request.Period)
            : TypedResults.Ok(new ExportDto<CreditHoldExportRow>(request.Period.From, request.Period.To, request.Entity, time.GetUtcNow(), rows));
    }

    private static bool TryRequest(string? entity, string? from, string? to, string? format, TimeProvider time,
        out (string? Entity, ApiPeriod Period, bool Csv) request, out (string Field, string Message) error)
    {
        request = default;
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && format is { Length: > 0 } && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            error = ("format", "must be json or csv");
            return false;
        }

        if (!ApiPeriod.TryParse(from, to, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), defaultDays: 30, out var period, out error))
        {
            return false;
        }

        request = (string.IsNullOrWhiteSpace(entity) ? null : entity.Trim(), period, csv);
        return true;
    }

    private static ContentHttpResult Csv(HttpContext http, string csv, string name, ApiPeriod period)
    {
        http.Response.Headers.ContentDisposition = string.Create(CultureInfo.InvariantCulture, $"attachment; filename=\"{name}_{period.From:yyyy-MM-dd}_{period.To:yyyy-MM-dd}.csv\"");
        return TypedResults.Text(csv, "text/csv; charset=utf-8", Encoding.UTF8);
    }
}
