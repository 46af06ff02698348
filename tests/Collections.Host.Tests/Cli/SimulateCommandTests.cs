using System.Globalization;
using System.Text;
using System.Text.Json;
using Collections.Host.Cli;
using Microsoft.Extensions.Configuration;

namespace Collections.Host.Tests.Cli;

/// <summary>
/// The simulate verb over a five-account scenario whose timelines were computed by hand from domain.md
/// section 4 (policy: the default one plus a holiday on Fri 2026-06-19 in the default calendar).
/// Ledgers: 2026-06-10 (all five), 2026-06-24 (K-E5 paid: absent), 2026-07-02 (K-A1 paid: absent; K-C3's INV-C2 paid).
/// </summary>
public sealed class SimulateCommandTests : IDisposable
{
    private const string Header = "customer_id,customer_name,contact_email,language,time_zone,credit_grade,invoice_id,invoice_date,due_date,currency,amount,open_amount";
    private const string A1 = "K-A1,上海甲公司,ap@a1.example,zh-CN,Asia/Shanghai,A,INV-A1,2026-05-06,2026-06-05,CNY,10000.00,10000.00";
    private const string B2 = "K-B2,Bravo Ltd,ap@b2.example,en,Europe/London,B,INV-B1,2026-05-02,2026-06-01,GBP,800.00,800.00";
    private const string C3a = "K-C3,Charlie Inc,ap@c3.example,en,America/New_York,C,INV-C1,2026-05-09,2026-06-08,USD,5000.00,5000.00";
    private const string C3b = "K-C3,Charlie Inc,ap@c3.example,en,America/New_York,C,INV-C2,2026-05-09,2026-06-08,USD,1200.00,1200.00";
    private const string D4 = "K-D4,丁贸易公司,ap@d4.example,zh-CN,Europe/London,D,INV-D1,2026-05-19,2026-06-18,EUR,3000.00,3000.00";
    private const string E5 = "K-E5,Echo Co,ap@e5.example,en,Asia/Shanghai,B,INV-E1,2026-05-02,2026-06-01,CNY,500.00,500.00";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sim-" + Guid.NewGuid().ToString("N"));

    public SimulateCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Simulate_FiveAccountScenario_TimelinesMatchTheHandComputedOnes()
    {
        var l1 = Write("ledger_2026-06-10.csv", Header, A1, B2, C3a, C3b, D4, E5);
        var l2 = Write("ledger_2026-06-24.csv", Header, A1, B2, C3a, C3b, D4);
        var l3 = Write("ledger_2026-07-02.csv", Header, B2, C3a, D4);
        var policy = Write("policy.json", File.ReadAllText(Path.Combine(RepoRoot(), "src", "Collections.Domain", "Policy", "default-policy.json"))
            .Replace("\"holidays\": []", "\"holidays\": [\"2026-06-19\"]", StringComparison.Ordinal));
        var events = Write("events.json", """
            [
              { "at": "2026-06-22T09:30:00Z", "customerId": "K-B2", "type": "promise", "promisedDate": "2026-06-26", "amount": "800.00", "currency": "GBP" },
              { "at": "2026-06-22T14:00:00Z", "customerId": "K-C3", "type": "dispute", "invoiceIds": ["INV-C1"], "reason": "short delivery" },
              { "at": "2026-06-29T02:00:00Z", "customerId": "K-A1", "type": "promise", "promisedDate": "2026-07-03", "amount": 10000, "currency": "CNY" }
            ]
            """);

        var run = await Run("simulate", "--ledger", l1, "--ledger", l2, "--ledger", l3, "--events", events, "--policy", policy, "--days", "60", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var doc = run.Json();
        Assert.Equal("2026-06-10T00:00:00Z", doc.GetProperty("from").GetString());
        Assert.Equal("2026-08-09T00:00:00Z", doc.GetProperty("to").GetString());
        var cases = doc.GetProperty("cases").EnumerateArray().ToDictionary(c => c.GetProperty("customerId").GetString()!, StringComparer.Ordinal);
        Assert.Equal(["K-A1", "K-B2", "K-C3", "K-D4", "K-E5"], cases.Keys.Order(StringComparer.Ordinal));

        // K-A1, grade A, Shanghai, zh-CN. Reminder +3 (06-08) is past at the snapshot (06-10 08:00 local): 09:00.
        // Demand +21 = Fri 06-26. Promise (Mon 06-29 10:00) for 07-03; the 07-02 ledger no longer lists the invoice:
        // promise kept, resolved at 07-02 08:00 local, receipt at the 09:00 window opening.
        AssertSent(cases["K-A1"], "Reminder@2026-06-10T09:00:00+08:00", "Demand@2026-06-26T09:00:00+08:00", "PromiseConfirmation@2026-06-29T10:00:00+08:00", "Receipt@2026-07-02T09:00:00+08:00");
        AssertFinal(cases["K-A1"], "Completed", "Resolved");
        Assert.Equal(["PromiseRecorded", "PromiseKept", "Resolved"], Types(cases["K-A1"], "PromiseRecorded", "PromiseKept", "PromiseBroken", "Resolved"));
        Assert.Equal("zh-CN", Sent(cases["K-A1"])[0].GetProperty("language").GetString());

        // K-B2, grade B, London. Reminder 06-10 09:00 BST; Demand's day (Tue 06-16) is within 7 days: Wed 06-17 09:00.
        // Promise (Mon 06-22 10:30) for Fri 06-26: held until 06-29 00:00 (26th + 2 days' grace), broken then.
        // FinalNotice on its own later day, Wed 07-01; Escalation +60 = Fri 07-31 with the legal hand-off.
        AssertSent(cases["K-B2"], "Reminder@2026-06-10T09:00:00+01:00", "Demand@2026-06-17T09:00:00+01:00", "PromiseConfirmation@2026-06-22T10:30:00+01:00",
            "FinalNotice@2026-07-01T09:00:00+01:00", "Escalation@2026-07-31T09:00:00+01:00", "LegalHandoff@2026-07-31T09:00:00+01:00");
        AssertFinal(cases["K-B2"], "Running", "Escalated");
        Assert.Equal("2026-06-29T00:00:00+01:00", Entries(cases["K-B2"], "PromiseBroken").Single().GetProperty("at").GetString());
        Assert.Contains(Entries(cases["K-B2"], "NoticeDeferred"), e => e.GetProperty("stage").GetString() == "Demand" && e.GetProperty("reason").GetString() == "MinimumGap");

        // K-C3, grade C, New York. The 06-10 00:00Z snapshot is 20:00 the evening before: Reminder at 06-10 09:00 EDT.
        // Demand +10 = Thu 06-18. Dispute of INV-C1 (Mon 06-22 10:00): acknowledged at once; INV-C2 still overdue.
        // FinalNotice +20 = Sun 06-28 -> Mon 06-29. The 07-02 ledger pays INV-C2 (1200): only the disputed invoice is
        // left, so the case is held (Suspended), and Escalation's day (Thu 07-23) is recorded as deferred by the dispute.
        AssertSent(cases["K-C3"], "Reminder@2026-06-10T09:00:00-04:00", "Demand@2026-06-18T09:00:00-04:00", "DisputeAcknowledgement@2026-06-22T10:00:00-04:00", "FinalNotice@2026-06-29T09:00:00-04:00");
        AssertFinal(cases["K-C3"], "Suspended", "FinalNotice");
        var payment = Entries(cases["K-C3"], "PaymentReceived").Single();
        Assert.Equal(("2026-07-01T20:00:00-04:00", "1200.00", "USD"), (payment.GetProperty("at").GetString(), payment.GetProperty("data").GetProperty("amount").GetString(), payment.GetProperty("data").GetProperty("currency").GetString()));
        Assert.Contains(Entries(cases["K-C3"], "NoticeDeferred"), e => e.GetProperty("stage").GetString() == "Escalation" && e.GetProperty("reason").GetString() == "Disputed" && e.GetProperty("at").GetString() == "2026-07-23T09:00:00-04:00");

        // K-D4, grade D, London, nothing overdue at 06-10 (due Thu 06-18). Pre-due day Sat 06-13 -> Mon 06-15.
        // Demand +1 = Fri 06-19, the holiday -> Mon 06-22. FinalNotice +10 = Sun 06-28 -> Mon 06-29 (exactly 7 days after
        // the demand). Escalation +30 = Sat 07-18 -> Mon 07-20.
        AssertSent(cases["K-D4"], "PreDue@2026-06-15T09:00:00+01:00", "Demand@2026-06-22T09:00:00+01:00", "FinalNotice@2026-06-29T09:00:00+01:00",
            "Escalation@2026-07-20T09:00:00+01:00", "LegalHandoff@2026-07-20T09:00:00+01:00");
        AssertFinal(cases["K-D4"], "Running", "Escalated");
        Assert.Contains(Entries(cases["K-D4"], "NoticeDeferred"), e => e.GetProperty("stage").GetString() == "Demand" && e.GetProperty("reason").GetString() == "NonBusinessDay");

        // K-E5, grade B, Shanghai. Reminder 06-10 09:00; Demand's day (06-16) within 7 days: 06-17 09:00. The 06-24 ledger
        // no longer lists it: settled at 06-24 08:00 local, receipt at 09:00.
        AssertSent(cases["K-E5"], "Reminder@2026-06-10T09:00:00+08:00", "Demand@2026-06-17T09:00:00+08:00", "Receipt@2026-06-24T09:00:00+08:00");
        AssertFinal(cases["K-E5"], "Completed", "Resolved");
        Assert.Equal(["ap@e5.example"], Sent(cases["K-E5"])[0].GetProperty("to").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Simulate_Preview_JsonCarriesRenderedSubjectAndTextAndNoticesDirGetsEmlFiles()
    {
        // Due Fri 04-03, first seen Fri 06-12 (70 days): the FinalNotice is the first notice; its deadline is Fri 06-19,
        // the credit hold follows at Sat 06-20 00:00 and the escalation at the next window opening, Mon 06-22 09:00.
        var ledger = Write("ledger_2026-06-12.csv", Header, "K-F6,Foxtrot Ltd,ap@f6.example,en,Europe/London,B,INV-F1,2026-03-04,2026-04-03,GBP,900.00,900.00");
        var dir = Path.Combine(_dir, "eml");

        var run = await Run("simulate", "--ledger", ledger, "--days", "30", "--notices", dir);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var c = run.Json().GetProperty("cases").EnumerateArray().Single();
        AssertSent(c, "FinalNotice@2026-06-12T09:00:00+01:00", "Escalation@2026-06-22T09:00:00+01:00", "LegalHandoff@2026-06-22T09:00:00+01:00");
        Assert.Equal("2026-06-20T00:00:00+01:00", Entries(c, "CreditHoldPlaced").Single().GetProperty("at").GetString());
        var finalNotice = Sent(c)[0];
        Assert.Equal("Your Company: final notice, GBP 900.00 overdue by 70 days, to be paid by 19 June 2026 (account K-F6)", finalNotice.GetProperty("subject").GetString());
        Assert.Contains("We have not sent you a reminder or a demand for payment about these items before", finalNotice.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("final notice", Sent(c)[1].GetProperty("text").GetString()!.Replace("We refer to our final notice dated 12 June 2026", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var files = Directory.GetFiles(dir, "*.eml").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["default_K-F6_01_FinalNotice.eml", "default_K-F6_02_Escalation.eml", "default_K-F6_03_LegalHandoff.eml"], files);
        using var eml = MimeKit.MimeMessage.Load(Path.Combine(dir, files[0]!));
        Assert.Equal(finalNotice.GetProperty("subject").GetString(), eml.Subject);
        Assert.Equal("ap@f6.example", eml.To.Mailboxes.Single().Address);
        Assert.Equal(finalNotice.GetProperty("text").GetString(), eml.TextBody!.ReplaceLineEndings("\n"));
        Assert.Contains("<h2>Final notice</h2>", eml.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_BadEventsFile_Exit2WithEveryProblemByIndex()
    {
        var ledger = Write("ledger_2026-06-10.csv", Header, B2);
        var events = Write("events.json", """
            [
              { "at": "2026-06-22", "customerId": "K-B2", "type": "promise", "amount": "x", "currency": "GBP" },
              { "at": "2026-06-22T10:00:00Z", "type": "teleport" }
            ]
            """);

        var run = await Run("simulate", "--ledger", ledger, "--events", events);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("event [0]: at: '2026-06-22' is not an ISO 8601 instant", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("event [0]: promisedDate: required", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("event [0]: amount: required, a decimal number", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("event [1]: customerId: required", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("event [1]: type: 'teleport' is not one of", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Theory]
    [InlineData("a/b/ledger.csv@2026-06-12", "a/b/ledger.csv", "2026-06-12")]
    [InlineData("ledger@home.csv", "ledger@home.csv", null)]
    [InlineData("ledger.csv", "ledger.csv", null)]
    public void SplitLedgerArgument_DateSuffixOnlyWhenItIsADate(string arg, string path, string? date)
    {
        var (p, d) = SimulateCommand.SplitLedgerArgument(arg);
        Assert.Equal(path, p);
        Assert.Equal(date, d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static void AssertSent(JsonElement c, params string[] expected) =>
        Assert.Equal(expected, Sent(c).Select(e => $"{e.GetProperty("stage").GetString()}@{e.GetProperty("at").GetString()}"));

    private static void AssertFinal(JsonElement c, string status, string stage) =>
        Assert.Equal((status, stage), (c.GetProperty("final").GetProperty("runtimeStatus").GetString()!, c.GetProperty("final").GetProperty("stage").GetString()!));

    private static List<JsonElement> Sent(JsonElement c) => Entries(c, "NoticeSent");

    private static List<JsonElement> Entries(JsonElement c, string type) =>
        [.. c.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("type").GetString() == type)];

    private static List<string> Types(JsonElement c, params string[] types) =>
        [.. c.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString()!).Where(t => types.Contains(t, StringComparer.Ordinal))];

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n", new UTF8Encoding(false));
        return path;
    }

    private static async Task<CliRun> Run(params string[] args)
    {
        var stdout = new StringWriter(new StringBuilder(), CultureInfo.InvariantCulture);
        var stderr = new StringWriter(new StringBuilder(), CultureInfo.InvariantCulture);
        var context = new CliContext(stdout, stderr) { Time = new FixedTimeProvider(CliRun.Now), Configuration = () => new ConfigurationBuilder().Build() };
        var code = await CliDispatcher.RunAsync(args, context, CancellationToken.None);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    private static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "CollectionsFunctions.sln")))
        {
            dir = Path.GetDirectoryName(dir)!;
        }

        return dir;
    }
}
