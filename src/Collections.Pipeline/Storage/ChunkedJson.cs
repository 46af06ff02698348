using Azure.Data.Tables;

namespace Collections.Pipeline.Storage;

/// <summary>
/// Stores a JSON document across string properties <c>Json00</c>, <c>Json01</c>, ... because one table
/// string property holds at most 32K characters.
/// </summary>
internal static class ChunkedJson
{
    private const int ChunkChars = 30_000;
    private const int MaxChunks = 24;

    public static void Write(TableEntity entity, string json)
    {
        var chunks = (json.Length + ChunkChars - 1) / ChunkChars;
        if (chunks > MaxChunks)
        {
            throw new InvalidOperationException($"A {json.Length}-character document does not fit one table entity ({MaxChunks * ChunkChars} at most).");
        }

        for (var i = 0; i < chunks; i++)
        {
            entity[Name(i)] = json.Substring(i * ChunkChars, Math.Min(ChunkChars, json.Length - (i * ChunkChars)));
        }
    }

    public static string Read(TableEntity entity) =>
        string.Concat(Enumerable.Range(0, MaxChunks).Select(i => entity.GetString(Name(i))).TakeWhile(s => s is not null));

    private static string Name(int i) => "Json" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
}
