using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Collections.Storage.Pipeline;

namespace Collections.Storage.Tables;

/// <summary>Builds the multipart <c>$batch</c> body and reads the (always 202) multipart answer.</summary>
internal static partial class TableBatch
{
    public static byte[] BuildBody(string tableUri, IReadOnlyList<TableTransactionAction> actions, string batchBoundary, string changesetBoundary)
    {
        // One buffer: the headers go in as UTF-8 and each entity's JSON is written straight after them.
        var body = new ArrayBufferWriter<byte>();
        Write(body, $"--{batchBoundary}\r\nContent-Type: multipart/mixed; boundary={changesetBoundary}\r\n\r\n");
        foreach (var action in actions)
        {
            var entity = action.Entity;
            var entityUri = TableClient.EntityUri(tableUri, entity.PartitionKey, entity.RowKey);
            var (method, uri, ifMatch, hasBody) = action.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", tableUri, null, true),
                TableTransactionActionType.UpdateMerge => ("MERGE", entityUri, TableClient.IfMatchValue(action.ETag), true),
                TableTransactionActionType.UpdateReplace => ("PUT", entityUri, TableClient.IfMatchValue(action.ETag), true),
                TableTransactionActionType.UpsertMerge => ("MERGE", entityUri, null, true),
                TableTransactionActionType.UpsertReplace => ("PUT", entityUri, null, true),
                TableTransactionActionType.Delete => ("DELETE", entityUri, TableClient.IfMatchValue(action.ETag), false),
                _ => throw new ArgumentOutOfRangeException(nameof(actions), action.ActionType, "Unknown transaction action."),
            };

            Write(body, $"--{changesetBoundary}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n{method} {uri} HTTP/1.1\r\nAccept: application/json;odata=minimalmetadata\r\n");
            if (hasBody)
            {
                Write(body, "Content-Type: application/json\r\n");
            }

            Write(body, "Prefer: return-no-content\r\nDataServiceVersion: 3.0\r\n");
            if (ifMatch is not null)
            {
                Write(body, $"If-Match: {ifMatch}\r\n");
            }

            Write(body, "\r\n");
            if (hasBody)
            {
                TableEntityJson.Serialize(entity, body);
            }

            Write(body, "\r\n");
        }

        Write(body, $"--{changesetBoundary}--\r\n--{batchBoundary}--\r\n");
        return body.WrittenSpan.ToArray();
    }

    public static bool IsConditional(TableTransactionAction action) => action.ActionType switch
    {
        TableTransactionActionType.Add => true,
        TableTransactionActionType.UpdateMerge or TableTransactionActionType.UpdateReplace or TableTransactionActionType.Delete =>
            TableClient.IsSpecificETag(action.ETag),
        _ => false,
    };

    private static void Write(ArrayBufferWriter<byte> body, string text) => Encoding.UTF8.GetBytes(text, body);

    /// <summary>Reads every inner <c>HTTP/1.1 NNN</c> part; throws <see cref="TableTransactionFailedException"/> on the first failure.</summary>
    public static IReadOnlyList<TableTransactionResult> ParseResponse(string body, int operationCount)
    {
        var results = new List<TableTransactionResult>();
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = StatusLineRegex().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            var status = int.Parse(match.Groups["status"].Value, CultureInfo.InvariantCulture);
            var reason = match.Groups["reason"].Value.Trim();
            string? etag = null;
            int? contentId = null;
            i++;
            for (; i < lines.Length && lines[i].Length > 0; i++)
            {
                var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    continue;
                }

                var name = lines[i][..colon].Trim();
                var value = lines[i][(colon + 1)..].Trim();
                if (name.Equals("ETag", StringComparison.OrdinalIgnoreCase))
                {
                    etag = value;
                }
                else if (name.Equals("Content-ID", StringComparison.OrdinalIgnoreCase) && int.TryParse(value, CultureInfo.InvariantCulture, out var id))
                {
                    contentId = id;
                }
            }

            if (status >= 400)
            {
                var content = new StringBuilder();
                for (i++; i < lines.Length && !lines[i].StartsWith("--", StringComparison.Ordinal); i++)
                {
                    content.Append(lines[i]).Append('\n');
                }

                throw CreateFailure(status, reason, content.ToString(), contentId, results.Count);
            }

            results.Add(new TableTransactionResult(status, etag is null ? default : new ETag(etag)));
        }

        if (results.Count != operationCount)
        {
            throw new RequestFailedException(202, $"The batch response held {results.Count} operation results for {operationCount} operations.", "InvalidBatchResponse", null);
        }

        return results;
    }

    private static TableTransactionFailedException CreateFailure(int status, string reason, string content, int? contentId, int position)
    {
        string? code = null;
        string? message = null;
        try
        {
            using var json = JsonDocument.Parse(content.Trim());
            StorageErrorParser.ReadODataError(json.RootElement, ref code, ref message);
        }
        catch (JsonException)
        {
            // Not JSON: keep the reason phrase.
        }

        message ??= reason;

        // The service prefixes the message with "N:", the failing operation's 0-based index.
        int? index = null;
        var prefix = IndexPrefixRegex().Match(message);
        if (prefix.Success)
        {
            index = int.Parse(prefix.Groups["index"].Value, CultureInfo.InvariantCulture);
        }
        else if (contentId is { } id)
        {
            index = id - 1;
        }
        else if (position > 0)
        {
            index = position;
        }

        var text = $"The table transaction failed at operation {(index?.ToString(CultureInfo.InvariantCulture) ?? "?")}: {status} {code}: {message}";
        return new TableTransactionFailedException(status, text, code, index);
    }

    [GeneratedRegex(@"^HTTP/1\.1 (?<status>\d{3})(?<reason>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex StatusLineRegex();

    [GeneratedRegex(@"^(?<index>\d+):", RegexOptions.CultureInvariant)]
    private static partial Regex IndexPrefixRegex();
}
