using System.Net;
using System.Text.Json.Nodes;
using static Collections.Host.Tests.Apis.TestData;

namespace Collections.Host.Tests.Apis;

/// <summary>Every instance-management verb, on cases of entity <c>act</c> opened as of 2026-11-20 (one invoice due 10-20, EUR 800).</summary>
[Collection(OperationsCollection.Name)]
public sealed class CaseActionsApiTests(OperationsHostFixture host)
{
    private async Task<JsonNode> OkAsync(string caseId, string action, object body)
    {
        using var op = host.Operator();
        using var response = await op.PostJsonAsync($"/api/cases/{caseId}/{action}", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.JsonAsync())["case"]!;
    }

    private async Task<JsonNode> ProblemAsync(string caseId, string action, object body, HttpStatusCode expected)
    {
        using var op = host.Operator();
        using var response = await op.PostJsonAsync($"/api/cases/{caseId}/{action}", body);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.JsonAsync();
    }

    private async Task<JsonNode> DetailAsync(string caseId)
    {
        using var reader = host.Reader();
        return await reader.GetJsonAsync("/api/cases/" + caseId);
    }

    /// <summary>The detail once the orchestration has applied the action (signals are asynchronous).</summary>
    private async Task<JsonNode> DetailWhenAsync(string caseId, Func<JsonNode, bool> applied)
    {
        JsonNode? detail = null;
        await OperationsHostFixture.UntilAsync(async () => applied(detail = await DetailAsync(caseId)), "case " + caseId + " applied the action");
        return detail!;
    }

    private static bool HasEntry(JsonNode detail, string type) => detail["timeline"]!.AsArray().Any(e => e!["type"].Str() == type);

    [Fact]
    public async Task Promise_Valid_SuspendsAndIsOnTheTimelineWithTheActor()
    {
        var id = await host.OpenCaseAsync("A-PROM");
        var summary = await OkAsync(id, "raiseEvent/promise", new { promisedDate = Day(7), amount = 300m, currency = "EUR" });
        Assert.Equal("Suspended", summary["runtimeStatus"].Str());
        var detail = await DetailWhenAsync(id, d => HasEntry(d, "PromiseRecorded") && d["promise"] is not null);
        Assert.Equal(300m, detail["promise"]!["amount"].Dec());
        var entry = detail["timeline"]!.AsArray().Last(e => e!["type"].Str() == "PromiseRecorded")!;
        Assert.StartsWith("operator:", entry["actor"].Str(), StringComparison.Ordinal);
        Assert.DoesNotContain(OperationsFactory.OperatorKey, detail.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"amount\":10,\"currency\":\"EUR\"}", "promisedDate")]
    [InlineData("{\"promisedDate\":\"2026-11-27\",\"currency\":\"EUR\"}", "amount")]
    [InlineData("{\"promisedDate\":\"2026-11-27\",\"amount\":-5,\"currency\":\"EUR\"}", "amount")]
    [InlineData("{\"promisedDate\":\"2026-11-27\",\"amount\":10.001,\"currency\":\"EUR\"}", "amount")]
    [InlineData("{\"promisedDate\":\"2026-11-27\",\"amount\":10}", "currency")]
    public async Task Promise_InvalidBody_Answers400NamingTheField(string json, string field)
    {
        var id = await host.CaseIdAsync("ops", "O-ACME");
        using var op = host.Operator();
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await op.PostAsync(new Uri($"/api/cases/{id}/raiseEvent/promise", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.JsonAsync())["errors"]![field]);
    }

    [Fact]
    public async Task Promise_NotJson_Answers400Problem()
    {
        var id = await host.CaseIdAsync("ops", "O-ACME");
        using var op = host.Operator();
        using var content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");
        using var response = await op.PostAsync(new Uri($"/api/cases/{id}/raiseEvent/promise", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Promise_MachineRejects_Answers409WithItsReason()
    {
        var id = await host.OpenCaseAsync("A-PROM409");
        var tooLate = await ProblemAsync(id, "raiseEvent/promise", new { promisedDate = "2027-02-01", amount = 10m, currency = "EUR" }, HttpStatusCode.Conflict);
        Assert.Contains("within 30 days", tooLate["detail"].Str(), StringComparison.Ordinal);
        var currency = await ProblemAsync(id, "raiseEvent/promise", new { promisedDate = Day(7), amount = 10m, currency = "USD" }, HttpStatusCode.Conflict);
        Assert.Contains("no items in USD", currency["detail"].Str(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Action_UnknownCase_Answers404()
    {
        var problem = await ProblemAsync("c-ffffffffffffffff-001", "raiseEvent/pause", new { reason = "x" }, HttpStatusCode.NotFound);
        Assert.Contains("not found", problem["detail"].Str(), StringComparison.Ordinal);
        await ProblemAsync("c-ffffffffffffffff-001", "retry", new { }, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DisputeAndResolve_TakeInvoicesOutAndBack()
    {
        var id = await host.OpenCaseAsync("A-DISP", Inv("A-DISP-1", "2026-10-20", 800m), Inv("A-DISP-2", "2026-11-05", 100m));
        Assert.Equal("invoiceIds", (await ProblemAsync(id, "raiseEvent/dispute", new { reason = "damaged" }, HttpStatusCode.BadRequest))["errors"]!.AsObject().Single().Key);
        Assert.Equal("reason", (await ProblemAsync(id, "raiseEvent/dispute", new { invoiceIds = new[] { "A-DISP-1" } }, HttpStatusCode.BadRequest))["errors"]!.AsObject().Single().Key);
        Assert.Contains("no open invoice NOPE", (await ProblemAsync(id, "raiseEvent/dispute", new { invoiceIds = new[] { "NOPE" }, reason = "?" }, HttpStatusCode.Conflict))["detail"].Str(), StringComparison.Ordinal);

        var disputed = await OkAsync(id, "raiseEvent/dispute", new { invoiceIds = new[] { "A-DISP-1" }, reason = "goods damaged" });
        Assert.Equal(100m, disputed["balances"]![0]!["overdue"].Dec());
        Assert.Equal(800m, disputed["balances"]![0]!["disputed"].Dec());
        Assert.Equal(["A-DISP-1"], (await DetailWhenAsync(id, d => d["disputedInvoiceIds"]!.AsArray().Count > 0))["disputedInvoiceIds"]!.AsArray().Select(x => x.Str()));

        var resolved = await OkAsync(id, "raiseEvent/resolveDispute", new { invoiceIds = new[] { "A-DISP-1" }, resolution = "photos show no damage" });
        Assert.Equal(900m, resolved["balances"]![0]!["overdue"].Dec());
        Assert.Empty((await DetailWhenAsync(id, d => HasEntry(d, "DisputeResolved") && d["disputedInvoiceIds"]!.AsArray().Count == 0))["disputedInvoiceIds"]!.AsArray());
    }

    [Fact]
    public async Task PauseAndResume_SuspendThenRun_AnotherPauseConflicts_RepeatedResumeChangesNothing()
    {
        var id = await host.OpenCaseAsync("A-PAUSE");
        Assert.Equal("reason", (await ProblemAsync(id, "raiseEvent/pause", new { }, HttpStatusCode.BadRequest))["errors"]!.AsObject().Single().Key);
        Assert.Equal("until", (await ProblemAsync(id, "raiseEvent/pause", new { reason = "x", until = "2026-01-01T00:00:00Z" }, HttpStatusCode.BadRequest))["errors"]!.AsObject().Single().Key);
        Assert.Equal("Suspended", (await OkAsync(id, "raiseEvent/pause", new { reason = "talking to their CFO", until = Day(5) + "T00:00:00Z" }))["runtimeStatus"].Str());
        await DetailWhenAsync(id, d => d["pause"] is not null);
        Assert.Contains("already paused", (await ProblemAsync(id, "raiseEvent/pause", new { reason = "again" }, HttpStatusCode.Conflict))["detail"].Str(), StringComparison.Ordinal);
        Assert.NotEqual("Suspended", (await OkAsync(id, "raiseEvent/resume", new { }))["runtimeStatus"].Str());
        await DetailWhenAsync(id, d => d["pause"] is null && HasEntry(d, "Resumed"));

        // Resuming a running case changes nothing: acknowledged, nothing recorded.
        using var op = host.Operator();
        using var again = await op.PostJsonAsync($"/api/cases/{id}/raiseEvent/resume", new { });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var answer = await again.JsonAsync();
        Assert.False(answer["changed"]!.GetValue<bool>());
        Assert.Equal("the case is not paused", answer["noChange"].Str());
        Assert.Single((await DetailAsync(id))["timeline"]!.AsArray(), e => e!["type"].Str() == "Resumed");
    }

    [Fact]
    public async Task EscalateNow_Overdue_IsRecorded()
    {
        var id = await host.OpenCaseAsync("A-ESC");
        await OkAsync(id, "raiseEvent/escalateNow", new { reason = "no response at all" });
        Assert.Contains((await DetailWhenAsync(id, d => HasEntry(d, "EscalationRequested")))["timeline"]!.AsArray(), e => e!["type"].Str() == "EscalationRequested");
    }

    [Fact]
    public async Task ApproveAndReject_NothingAwaitingApproval_Answer409()
    {
        var id = await host.OpenCaseAsync("A-APPR");
        Assert.Contains("no escalation awaits approval", (await ProblemAsync(id, "raiseEvent/approve", new { }, HttpStatusCode.Conflict))["detail"].Str(), StringComparison.Ordinal);
        Assert.Contains("no escalation awaits approval", (await ProblemAsync(id, "raiseEvent/reject", new { reason = "strategic" }, HttpStatusCode.Conflict))["detail"].Str(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoNotContact_OnThenOff()
    {
        var id = await host.OpenCaseAsync("A-DNC");
        Assert.Equal("on", (await ProblemAsync(id, "raiseEvent/doNotContact", new { reason = "lawyer asked" }, HttpStatusCode.BadRequest))["errors"]!.AsObject().Single().Key);
        Assert.True((await OkAsync(id, "raiseEvent/doNotContact", new { on = true, reason = "lawyer asked" }))["doNotContact"]!.GetValue<bool>());
        await DetailWhenAsync(id, d => d["summary"]!["doNotContact"]!.GetValue<bool>());
        Assert.False((await OkAsync(id, "raiseEvent/doNotContact", new { on = false }))["doNotContact"]!.GetValue<bool>());
        var types = (await DetailWhenAsync(id, d => HasEntry(d, "DoNotContactOff")))["timeline"]!.AsArray().Select(e => e!["type"].Str()).ToList();
        Assert.Contains("DoNotContactOn", types);
        Assert.Contains("DoNotContactOff", types);
    }

    [Fact]
    public async Task WriteOff_Completes_ThenFurtherActionsConflict()
    {
        var id = await host.OpenCaseAsync("A-WO");
        Assert.Equal("reason", (await ProblemAsync(id, "raiseEvent/writeOff", new { reason = " " }, HttpStatusCode.BadRequest))["errors"]!.AsObject().Single().Key);
        var summary = await OkAsync(id, "raiseEvent/writeOff", new { reason = "debtor insolvent" });
        Assert.Equal("Completed", summary["runtimeStatus"].Str());
        Assert.Equal("WrittenOff", summary["customStatus"].Str());
        await DetailWhenAsync(id, d => d["summary"]!["customStatus"].Str() == "WrittenOff");
        Assert.Contains("closed", (await ProblemAsync(id, "raiseEvent/pause", new { reason = "x" }, HttpStatusCode.Conflict))["detail"].Str(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terminate_EndsTheCase()
    {
        var id = await host.OpenCaseAsync("A-TERM");
        Assert.Equal("reason", (await ProblemAsync(id, "terminate", new { }, HttpStatusCode.BadRequest))["errors"]!.AsObject().Single().Key);
        Assert.Equal("Terminated", (await OkAsync(id, "terminate", new { reason = "sold the receivable" }))["runtimeStatus"].Str());
    }

    [Fact]
    public async Task Retry_NotFailed_Conflicts()
    {
        var id = await host.OpenCaseAsync("A-RETRY");
        Assert.Contains("has not failed", (await ProblemAsync(id, "retry", new { }, HttpStatusCode.Conflict))["detail"].Str(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Orchestration_OpenCase_ReportsTheInstanceAsTheSdkDoes_UnknownIs404()
    {
        var id = await host.OpenCaseAsync("A-ORCH");
        using var reader = host.Reader();
        JsonNode? instance = null;
        await OperationsHostFixture.UntilAsync(async () => (instance = await reader.GetJsonAsync($"/api/cases/{id}/orchestration"))["customStatus"] is not null, "custom status of " + id);
        Assert.Equal((id, "CaseOrchestrator", "Running"), (instance!["instanceId"].Str(), instance["name"].Str(), instance["runtimeStatus"].Str()));
        Assert.NotNull(instance!["customStatus"]!["Stage"]);
        Assert.NotNull(instance["createdAt"]);
        Assert.NotNull(instance["lastUpdatedAt"]);
        using var unknown = await reader.GetAsync(new Uri("/api/cases/c-ffffffffffffffff-001/orchestration", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Purge_CutoffYoungerThanTheRetention_RefusedAndNothingRemoved()
    {
        using var op = host.Operator();
        using (var bad = await op.PostJsonAsync("/api/cases/purge", new { olderThanDays = 0 }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.NotNull((await bad.JsonAsync())["errors"]!["olderThanDays"]);
        }

        var old = await host.CaseIdAsync("purge", "P-OLD");
        var store = host.Store;
        Assert.NotNull(await store.GetAsync(old, CancellationToken.None));

        // P-OLD closed 2026-10-01, 45 days before the cutoff asked for; the policy keeps closed cases 7 years live, so
        // purge (which archives before it removes, see ArchiveApiTests) refuses the shorter cutoff and names the field.
        using var response = await op.PostJsonAsync("/api/cases/purge", new { olderThanDays = 45 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.JsonAsync())["errors"]!["olderThanDays"]);
        Assert.NotNull(await store.GetAsync(old, CancellationToken.None));
    }
}
