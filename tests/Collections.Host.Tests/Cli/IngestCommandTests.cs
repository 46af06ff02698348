using System.Text;
using System.Text.Json;
using Collections.Host.Cli;
using Collections.Pipeline.Ingest;

namespace Collections.Host.Tests.Cli;

public sealed class IngestCommandTests : IDisposable
{
    private const string Header = "entity,customer_id,customer_name,contact_email,time_zone,credit_grade,invoice_id,invoice_date,due_date,currency,amount,open_amount,disputed\n";

    // K-1042 (Berlin, grade B): overdue 12,000.00 EUR since 04-29 (44 days on 06-12) -> 31-60, red, FinalNotice
    // (anchor 04-29 + 30 = 05-29 past, Escalation + 60 not yet) at 06-12 09:00 +02:00.
    // open = 12,000.00 + 6,250.40 (due 06-30) = 18,250.40.
    // K-2001 (Shanghai): nothing overdue, only a disputed item -> current, green, oldestOverdueDueDate null.
    private const string Valid =
        Header +
        "default,K-1042,Müller GmbH,ap@mueller.example.de,Europe/Berlin,B,INV-1,2026-03-30,2026-04-29,EUR,\"12,000.00\",\"12,000.00\",N\n" +
        "default,K-1042,Müller GmbH,ap@mueller.example.de,Europe/Berlin,B,INV-2,2026-05-31,2026-06-30,EUR,\"6,250.40\",\"6,250.40\",N\n" +
        "default,K-2001,上海甲公司,ap@jia.example.cn,Asia/Shanghai,C,FP-1,2026-04-01,2026-05-01,CNY,\"3,000.00\",\"3,000.00\",是\n";

    private readonly TempLedger _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Ingest_ValidFileJson_PrintsOneDocumentInTheIssueShapeAndExits0()
    {
        var path = _files.Write("ledger_2026-06-12.csv", Valid);

        var run = await CliRun.RunAsync("ingest", path, "--dry-run", "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var json = run.Json();
        Assert.Equal(["file", "sha256", "asOf", "valid", "rows", "errors", "accounts"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("ledger_2026-06-12.csv", json.GetProperty("file").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), json.GetProperty("sha256").GetString());
        Assert.Equal("2026-06-12", json.GetProperty("asOf").GetString());
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.Equal(3, json.GetProperty("rows").GetInt32());
        Assert.Equal(0, json.GetProperty("errors").GetArrayLength());

        var accounts = json.GetProperty("accounts");
        Assert.Equal(2, accounts.GetArrayLength());
        var k1042 = accounts[0];
        Assert.Equal(
            ["entity", "customerId", "customerName", "daysOverdue", "bucket", "light", "oldestOverdueDueDate", "balances", "nextStep"],
            k1042.EnumerateObject().Select(p => p.Name));
        Assert.Equal("default", k1042.GetProperty("entity").GetString());
        Assert.Equal("K-1042", k1042.GetProperty("customerId").GetString());
        Assert.Equal("Müller GmbH", k1042.GetProperty("customerName").GetString());
        Assert.Equal(44, k1042.GetProperty("daysOverdue").GetInt32());
        Assert.Equal("31-60", k1042.GetProperty("bucket").GetString());
        Assert.Equal("red", k1042.GetProperty("light").GetString());
        Assert.Equal("2026-04-29", k1042.GetProperty("oldestOverdueDueDate").GetString());
        var eur = Assert.Single(k1042.GetProperty("balances").EnumerateArray());
        Assert.Equal(["currency", "open", "overdue", "disputed"], eur.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("EUR", "18250.40", "12000.00", "0.00"), (eur.GetProperty("currency").GetString(), eur.GetProperty("open").GetString(), eur.GetProperty("overdue").GetString(), eur.GetProperty("disputed").GetString()));
        Assert.Equal(JsonValueKind.String, eur.GetProperty("open").ValueKind);
        var next = k1042.GetProperty("nextStep");
        Assert.Equal(("FinalNotice", "2026-06-12T09:00:00+02:00"), (next.GetProperty("stage").GetString(), next.GetProperty("at").GetString()));

        var k2001 = accounts[1];
        Assert.Equal((0, "current", "green"), (k2001.GetProperty("daysOverdue").GetInt32(), k2001.GetProperty("bucket").GetString(), k2001.GetProperty("light").GetString()));
        Assert.Equal(JsonValueKind.Null, k2001.GetProperty("oldestOverdueDueDate").ValueKind);
        var cny = Assert.Single(k2001.GetProperty("balances").EnumerateArray());
        Assert.Equal(("3000.00", "0.00", "3000.00"), (cny.GetProperty("open").GetString(), cny.GetProperty("overdue").GetString(), cny.GetProperty("disputed").GetString()));
        Assert.Equal(JsonValueKind.Null, k2001.GetProperty("nextStep").ValueKind);
    }

    [Fact]
    public async Task Ingest_InvalidFileJson_ListsErrorsWithoutAccountsAndExits2()
    {
        var path = _files.Write("bad.csv", Header +
            "default,K-1,A,ap@a.example.com,Asia/Shanghai,B,INV-1,2026-04-01,2026-02-30,EUR,100,100,N\n" +
            "default,K-1,A,ap@a.example.com,Asia/Shanghai,B,INV-2,2026-04-01,2026-04-30,EUR,100,150,N\n");

        var run = await CliRun.RunAsync("ingest", path, "--dry-run", "--format", "json");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        var json = run.Json();
        Assert.False(json.GetProperty("valid").GetBoolean());
        Assert.Equal(2, json.GetProperty("rows").GetInt32());
        Assert.Equal(0, json.GetProperty("accounts").GetArrayLength());
        var errors = json.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(2, errors.Count);
        Assert.Equal(["row", "column", "value", "message"], errors[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal((2, "due_date", "2026-02-30"), (errors[0].GetProperty("row").GetInt32(), errors[0].GetProperty("column").GetString(), errors[0].GetProperty("value").GetString()));
        Assert.Equal((3, "open_amount"), (errors[1].GetProperty("row").GetInt32(), errors[1].GetProperty("column").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(errors[1].GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Ingest_NotALedger_FileLevelErrorHasNullRowAndExits2()
    {
        var path = _files.Write("empty.csv", string.Empty);

        var run = await CliRun.RunAsync("ingest", path, "--dry-run", "--format", "json");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        var error = Assert.Single(run.Json().GetProperty("errors").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("row").ValueKind);
        Assert.Equal(JsonValueKind.Null, error.GetProperty("column").ValueKind);
    }

    [Fact]
    public async Task Ingest_MoreErrorsThanTheCap_AddsOneSummaryEntry()
    {
        var csv = new StringBuilder(Header);
        for (var i = 0; i < 30; i++)
        {
            csv.Append("default,K-1,A,ap@a.example.com,Asia/Shanghai,B,INV-").Append(i).Append(",2026-04-01,2026-04-30,???,100,100,N\n");
        }

        var path = _files.Write("many.csv", csv.ToString());

        var run = await CliRun.RunAsync(new IngestOptions { MaxErrors = 5 }, "ingest", path, "--dry-run", "--format", "json");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        var errors = run.Json().GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(6, errors.Count);
        Assert.Equal("25 more errors not listed (30 in total)", errors[5].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Ingest_AsOfOption_OverridesTheFileName()
    {
        var path = _files.Write("ledger_2026-06-12.csv", Valid);

        var run = await CliRun.RunAsync("ingest", path, "--dry-run", "--format=json", "--as-of", "2026-05-31");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var json = run.Json();
        Assert.Equal("2026-05-31", json.GetProperty("asOf").GetString());
        // 04-29 -> 05-31 = 32 days
        Assert.Equal(32, json.GetProperty("accounts")[0].GetProperty("daysOverdue").GetInt32());
    }

    [Fact]
    public async Task Ingest_NoAsOfAnywhere_UsesTodayFromTheClock()
    {
        var path = _files.Write("ledger.csv", Valid);

        var run = await CliRun.RunAsync("ingest", path, "--dry-run", "--format", "json");

        Assert.Equal("2026-06-12", run.Json().GetProperty("asOf").GetString());
    }

    [Fact]
    public async Task Ingest_EncodingAndProfileOptions_AreHonoured()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var ledger = _files.Write("us.csv",
            "Cust #,Customer,Bill-To Email,Inv #,Inv Date,Due Date,Inv Amt,Amt Due\n" +
            "C-1,华东 Contoso,ar@contoso.example.com,9001,04/03/2026,05/03/2026,\"1,250.00\",\"1,250.00\"\n",
            Encoding.GetEncoding("GB18030"));
        var profile = _files.Write("profile.json", """
            { "columns": { "Cust #": "customer_id", "Customer": "customer_name", "Bill-To Email": "contact_email", "Inv #": "invoice_id",
                           "Inv Date": "invoice_date", "Due Date": "due_date", "Inv Amt": "amount", "Amt Due": "open_amount" },
              "dateFormats": ["MM/dd/yyyy"], "defaults": { "currency": "USD", "timeZone": "America/New_York" } }
            """);

        var run = await CliRun.RunAsync("ingest", ledger, "--dry-run", "--format", "json", "--encoding", "gb18030", "--profile", profile);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var account = Assert.Single(run.Json().GetProperty("accounts").EnumerateArray());
        Assert.Equal("华东 Contoso", account.GetProperty("customerName").GetString());
        // due 05-03, as-of 06-12: 40 days
        Assert.Equal((40, "2026-05-03"), (account.GetProperty("daysOverdue").GetInt32(), account.GetProperty("oldestOverdueDueDate").GetString()));
        Assert.Equal("USD", account.GetProperty("balances")[0].GetProperty("currency").GetString());
        Assert.EndsWith("-04:00", account.GetProperty("nextStep").GetProperty("at").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_InvalidProfile_Exits1WithProblemsOnStderr()
    {
        var ledger = _files.Write("l.csv", Valid);
        var profile = _files.Write("p.json", """{ "columns": { "X": "nonsense" } }""");

        var run = await CliRun.RunAsync("ingest", ledger, "--dry-run", "--profile", profile);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("nonsense", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_TableFormat_PrintsReadableTables()
    {
        var path = _files.Write("ledger_2026-06-12.csv", Valid);

        var run = await CliRun.RunAsync("ingest", path, "--dry-run");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("VALID, 2 accounts", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("CUSTOMER", run.Stdout, StringComparison.Ordinal);
        var line = run.Stdout.Split('\n').Single(l => l.Contains("K-1042", StringComparison.Ordinal));
        Assert.Contains("18250.40", line, StringComparison.Ordinal);
        Assert.Contains("FinalNotice 2026-06-12T09:00:00+02:00", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_TableFormatInvalid_ListsErrorsAndExits2()
    {
        var path = _files.Write("bad.csv", "customer_id,amount\nK-1,5\n");

        var run = await CliRun.RunAsync("ingest", path, "--dry-run", "--format", "table");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("REJECTED", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("missing required columns", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_MissingFile_Exits1WithNothingOnStdout()
    {
        var run = await CliRun.RunAsync("ingest", "/nonexistent/ledger.csv", "--dry-run", "--format", "json");

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("not found", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format must be json or table, not 'xml'", "--format", "xml")]
    [InlineData("--as-of must be a yyyy-MM-dd date, not '12/06/2026'", "--as-of", "12/06/2026")]
    [InlineData("--bogus", "--bogus")]
    [InlineData("--as-of", "--as-of")]
    public async Task Ingest_BadArguments_Exit2NamingTheProblem(string expected, params string[] extra)
    {
        var path = _files.Write("ledger.csv", Valid);

        var run = await CliRun.RunAsync(["ingest", path, "--dry-run", .. extra]);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("run 'ingest --help' for usage", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_NoFile_Exits2()
    {
        var run = await CliRun.RunAsync("ingest", "--dry-run");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
    }

    [Fact]
    public async Task Ingest_UnknownOptionInPlaceOfTheFile_IsAnUnknownOptionNotAFileName()
    {
        var run = await CliRun.RunAsync("ingest", "--bogus");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("unknown option '--bogus'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_LogsGoToStderrWithoutDebtorData()
    {
        var path = _files.Write("ledger.csv", Valid);

        var run = await CliRun.RunAsync("ingest", path, "--dry-run", "--format", "json");

        Assert.Contains("3 rows, 2 accounts, 0 errors", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("mueller", run.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Müller", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("12000", run.Stderr, StringComparison.Ordinal);
    }
}
