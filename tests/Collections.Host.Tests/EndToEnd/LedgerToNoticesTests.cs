using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Collections.Domain.Cases;
using Collections.Host.Hosting;
using Collections.Host.Tests.Hosting;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Orchestration;
using Collections.Pipeline.Projections;
using Microsoft.DurableTask.Client;
using Collections.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Collections.Operations.Hosting;

namespace Collections.Host.Tests.EndToEnd;

/// <summary>
/// The product end to end, standalone: the real host with the local Durable runtime against its own Azurite and MailDev.
/// Finance drops a ledger into <c>ledgers</c>; the blob trigger applies it; the case is an orchestration instance in the
/// task hub; its catch-up notice goes through the SendNotice activity and SMTP into MailDev. (The orchestrations run on
/// the wall clock: the ladder's timing is tested on the virtual clock, and on Azurite with short offsets.)
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class LedgerToNoticesTests(AzuriteFixture azurite, MailDevFixture mail, ITestOutputHelper output)
{
    private const string DebtorEmail = "ap@e2e-debtor.example";
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(90);

    // Grade D, a month overdue by now: the case opens with the step its days overdue call for, at once.
    private static readonly string Ledger = string.Join('\n',
        "customer_id,customer_name,contact_email,language,time_zone,country,credit_grade,entity,invoice_id,invoice_date,due_date,currency,amount,open_amount,as_of",
        $"E2E-1,End To End Ltd.,{DebtorEmail},en,Europe/London,GB,D,uk01,E2E-INV-1,2026-10-02,2026-11-01,GBP,\"1,000.00\",\"1,000.00\",2026-11-02",
        "");

    [Fact]
    public async Task LedgerDroppedInContainer_CaseIsAnOrchestration_ItsNoticeArrives()
    {
        var settings = HostTestSettings.For(azurite, mail);

        // An all-day window on every day, so the catch-up notice is not deferred to the debtor's business hours.
        var policy = Path.Combine(Path.GetTempPath(), $"e2e-policy-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(policy, File.ReadAllText(Path.Combine(AzuriteFixture.FindRepositoryRoot(), "src", "Collections.Domain", "Policy", "default-policy.json"))
            .Replace("\"open\": \"09:00\", \"close\": \"20:00\"", "\"open\": \"00:00\", \"close\": \"23:59\"", StringComparison.Ordinal)
            .Replace("[\"Monday\", \"Tuesday\", \"Wednesday\", \"Thursday\", \"Friday\"]", "[\"Monday\", \"Tuesday\", \"Wednesday\", \"Thursday\", \"Friday\", \"Saturday\", \"Sunday\"]", StringComparison.Ordinal));
        Assert.Contains("\"close\": \"23:59\"", await File.ReadAllTextAsync(policy), StringComparison.Ordinal);
        settings["Collections:PolicyFile"] = policy;
        await using var factory = new CollectionsHostFactory(settings);
        using var client = factory.CreateClient();
        using (var health = await client.GetAsync(new Uri("/api/health", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        var blobs = azurite.CreateBlobServiceClient();
        await blobs.GetBlobContainerClient(StorageNames.LedgersContainer).GetBlobClient("e2e-ledger_2026-11-02.csv")
            .UploadAsync(BinaryData.FromBytes(Encoding.UTF8.GetBytes(Ledger)));

        var cases = factory.Services.GetRequiredService<ICaseProjectionStore>();
        var clock = Stopwatch.StartNew();
        CaseState? state = null;
        List<JsonElement> notices = [];
        IReadOnlyList<TimelineEntry> timeline = [];
        while (clock.Elapsed < Budget)
        {
            state = await SingleCaseAsync(cases);
            notices = (await mail.GetEmailsAsync()).Where(e => To(e).Contains(DebtorEmail, StringComparer.OrdinalIgnoreCase)).ToList();
            timeline = state is null ? [] : await cases.GetTimelineAsync(state.CaseId, CancellationToken.None);
            if (notices.Count >= 1 && timeline.Any(e => e.Type == TimelineType.NoticeSent))
            {
                break;
            }

            await Task.Delay(500);
        }

        output.WriteLine($"after {clock.Elapsed.TotalSeconds:0.0} s: stage {state?.Stage}, status {state?.Status}, {notices.Count} debtor e-mails");
        Assert.NotNull(state);
        foreach (var entry in timeline)
        {
            output.WriteLine($"{entry.At:yyyy-MM-dd HH:mm} {entry.Type} {entry.Stage} {entry.Notice} {entry.Reason}");
        }

        var instance = await factory.Services.GetRequiredService<DurableTaskClient>().GetInstanceAsync(state.CaseId);
        Assert.Equal((CaseTasks.Orchestrator, OrchestrationRuntimeStatus.Running), (instance!.Name, instance.RuntimeStatus));
        var sent = timeline.Where(e => e.Type == TimelineType.NoticeSent && e.Notice is { } k && k.IsDunning()).ToList();
        Assert.NotEmpty(sent);
        Assert.Equal(sent.Count, notices.Count);
        Assert.All(notices, e => Assert.Contains("E2E-1", e.GetProperty("subject").GetString(), StringComparison.Ordinal));
    }

    private static async Task<CaseState?> SingleCaseAsync(ICaseProjectionStore cases)
    {
        CaseState? found = null;
        await foreach (var state in cases.ListAsync(new CaseListFilter(), CancellationToken.None))
        {
            found = state;
        }

        return found;
    }

    private static IEnumerable<string> To(JsonElement email) =>
        email.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.Array
            ? to.EnumerateArray().Select(a => a.GetProperty("address").GetString() ?? "")
            : [];
}
