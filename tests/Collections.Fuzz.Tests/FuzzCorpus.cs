using System.Text;

namespace Collections.Fuzz.Tests;

/// <summary>
/// Generates hostile ledgers from a fixed seed: each file derives from the seed and its index alone, so a
/// failing file is reproduced by its index. Mix: about 60 % CSV, 40 % XLSX; some byte-level damage on both.
/// </summary>
internal static class FuzzCorpus
{
    // GB18030 and Latin-1 encodings: registered before any file is made, whichever entry point comes first.
    static FuzzCorpus() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IEnumerable<FuzzLedger> Generate(int seed, int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return One(seed, i);
        }
    }

    public static FuzzLedger One(int seed, int index)
    {
        var random = new Random(HashCode.Combine(seed, index));
        var rows = ValidLedgers.Rows(random);
        var labels = new List<string>();
        byte[] bytes;
        string name;
        if (random.Next(10) < 6)
        {
            name = $"fuzz-{index}_2026-07-01.csv";
            for (var m = random.Next(0, 3); m > 0; m--)
            {
                labels.Add(CsvMutations.MutateCell(random, rows));
            }

            var text = ValidLedgers.Csv(rows);
            for (var m = random.Next(0, 2); m > 0; m--)
            {
                labels.Add(CsvMutations.MutateText(random, ref text));
            }

            bytes = CsvMutations.Encode(random, text, out var encoding);
            labels.Add(encoding);
        }
        else
        {
            name = $"fuzz-{index}_2026-07-01.xlsx";
            string? label = null;
            bytes = random.Next(4) == 0 ? XlsxFromValidRows(rows, labels) : XlsxMutations.Build(random, rows, out label);
            if (labels.Count == 0)
            {
                labels.Add("xlsx: " + label!);
            }
        }

        if (random.Next(8) == 0)
        {
            labels.Add(CsvMutations.MutateBytes(random, ref bytes));
        }

        return new FuzzLedger(index, name, bytes, string.Join("; ", labels));
    }

    private static byte[] XlsxFromValidRows(List<string[]> rows, List<string> labels)
    {
        labels.Add("xlsx: valid");
        return Pipeline.Tests.Ingest.RawXlsx.Build(ValidLedgers.SheetData(rows));
    }
}
