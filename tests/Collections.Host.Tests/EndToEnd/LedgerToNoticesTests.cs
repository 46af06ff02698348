using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Collections.Domain.Cases;
using Collections.Host.Hosting;
using Collections.Host.Tests.Hosting;
using Collections.Pipeline.Cases;
using Collections.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Collections.Operations.Hosting;

namespace Collections.Host.Tests.EndToEnd;

/// <summary>
/// The product end to end, standalone: the real host on an accelerated clock (a day per real second) against its own
/// Azurite and MailDev. Finance drops a ledger into <c>ledgers</c>; the blob trigger opens a case; durable timers walk
/// it up the ladder; the outbox sends each notice through SMTP into MailDev.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class LedgerToNoticesTests(AzuriteFixture azurite, MailDevFixture mail, ITestOutputHelper output)
{
    private const string DebtorEmail = "ap@e2e-debtor.example";
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(75);

    // Grade D: demand on day 1, final notice on day 10, escalation on day 30 (default policy), no approval step.
    private static readonly string Ledger = string.Join('\n',
        "customer_id,customer_name,contact_email,language,time_zone,country,credit_grade,entity,invoice_id,invoice_date,due_date,currency,amount,open_amount,as_of",
        $"E2E-1,End To End Ltd.,{DebtorEmail},en,Europe/London,GB,D,uk01,E2E-INV-1,2026-10-02,2026-11-01,GBP,\"1,000.00\",\"1,000.00\",2026-11-02",
        "");

    [Fact]
    public async Task LedgerDroppedInContainer_CaseWalksTheLadder_NoticesArriveInOrder()
    {
        var settings = HostTestSettings.For(azurite, mail);

        // At a day per real second the 09:00-20:00 window lasts under half a second, so polling lag alone would defer
        // steps (the window rules have their own tests). This policy keeps the default ladders with an all-day window
        // on every day, so what is tested here is the flow: blob -> case -> timers -> outbox -> SMTP.
        var policy = Path.Combine(Path.GetTempPath(), $"e2e-policy-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(policy, File.ReadAllText(Path.Combine(AzuriteFixture.FindRepositoryRoot(), "src", "Collections.Domain", "Policy", "default-policy.json"))
            .Replace("\"open\": \"09:00\", \"close\": \"20:00\"", "\"open\": \"00:00\", \"close\": \"23:59\"", StringComparison.Ordinal)
            .Replace("[\"Monday\", \"Tuesday\", \"Wednesday\", \"Thursday\", \"Friday\"]", "[\"Monday\", \"Tuesday\", \"Wednesday\", \"Thursday\", \"Friday\", \"Saturday\", \"Sunday\"]", StringComparison.Ordinal));
        Assert.Contains("\"close\": \"23:59\"", await File.ReadAllTextAsync(policy), StringComparison.Ordinal);
        Assert.Contains("\"Sunday\"", await File.ReadAllTextAsync(policy), StringComparison.Ordinal);
        settings["Collections:PolicyFile"] = policy;
        settings["Clock:Speed"] = "86400";
        settings["Clock:Start"] = "2026-11-02T00:00:00Z";
        settings["Queues:MaxPollingInterval"] = "00:00:00.2";
        await using var factory = new CollectionsHostFactory(settings);
        using var client = factory.CreateClient();
        using (var health = await client.GetAsync(new Uri("/api/health", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        var blobs = azurite.CreateBlobServiceClient();
        await blobs.GetBlobContainerClient(StorageNames.LedgersContainer).GetBlobClient("e2e-ledger_2026-11-02.csv")
            .UploadAsync(BinaryData.FromBytes(Encoding.UTF8.GetBytes(Ledger)));

        var cases = factory.Services.GetRequiredService<ICaseStore>();
        var clock = Stopwatch.StartNew();
        StoredCase? stored = null;
        List<JsonElement> notices = [];
        while (clock.Elapsed < Budget)
        {
            stored = await SingleCaseAsync(cases);
            notices = (await mail.GetEmailsAsync()).Where(e => To(e).Contains(DebtorEmail, StringComparer.OrdinalIgnoreCase)).ToList();
            if (stored?.State.Stage == CaseStage.Escalated && notices.Count >= 3)
            {
                break;
            }

            await Task.Delay(500);
        }

        output.WriteLine($"after {clock.Elapsed.TotalSeconds:0.0} s: stage {stored?.State.Stage}, status {stored?.State.Status}, {notices.Count} debtor e-mails");
        Assert.NotNull(stored);
        var timeline = await cases.GetTimelineAsync(stored.State.CaseId, CancellationToken.None);
        foreach (var entry in timeline)
        {
            output.WriteLine($"{entry.At:yyyy-MM-dd HH:mm} {entry.Type} {entry.Stage} {entry.Notice} {entry.Reason}");
        }

        foreach (var row in await cases.GetOutboxAsync(stored.State.CaseId, CancellationToken.None))
        {
            output.WriteLine($"outbox {row.Id} {row.Kind} due {row.DueAt:yyyy-MM-dd HH:mm} {row.Status} attempts {row.Attempts} {row.Error}");
        }

        Assert.Equal(CaseStage.Escalated, stored.State.Stage);
        var sent = timeline.Where(e => e.Type == TimelineType.NoticeSent && e.Notice is { } k && k.IsDunning()).Select(e => e.Notice!.Value).ToList();
        Assert.Equal([NoticeKind.Demand, NoticeKind.FinalNotice, NoticeKind.Escalation], sent);

        var subjects = notices
            .OrderBy(e => e.GetProperty("time").GetDateTimeOffset())
            .Select(e => e.GetProperty("subject").GetString()!)
            .ToList();
        foreach (var subject in subjects)
        {
            output.WriteLine("mail: " + subject);
        }

        Assert.Collection(
            subjects.Take(3),
            s => Assert.StartsWith("Contoso UK Ltd.: demand for payment, GBP 1,000.00 overdue by", s, StringComparison.Ordinal),
            s => Assert.StartsWith("Contoso UK Ltd.: final notice, GBP 1,000.00 overdue by", s, StringComparison.Ordinal),
            s => Assert.StartsWith("Contoso UK Ltd.: referral to our legal department, GBP 1,000.00 overdue by", s, StringComparison.Ordinal));
        Assert.All(subjects, s => Assert.Contains("E2E-1", s, StringComparison.Ordinal));
    }

    private static async Task<StoredCase?> SingleCaseAsync(ICaseStore cases)
    {
        StoredCase? found = null;
        await foreach (var stored in cases.ListAsync(new CaseListFilter(), CancellationToken.None))
        {
            found = stored;
        }

        return found;
    }

    private static IEnumerable<string> To(JsonElement email) =>
        email.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.Array
            ? to.EnumerateArray().Select(a => a.GetProperty("address").GetString() ?? "")
            : [];
}
