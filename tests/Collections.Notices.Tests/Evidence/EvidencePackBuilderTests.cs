using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Collections.Domain.Cases;
using Collections.Domain.Ledger;
using Collections.Domain.Monetary;
using Collections.Notices.Email;
using Collections.Notices.Evidence;
using Collections.Notices.Tests.Support;

namespace Collections.Notices.Tests.Evidence;

public sealed class EvidencePackBuilderTests
{
    private static readonly DateTimeOffset Generated = new(2026, 8, 14, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_FixtureCase_JsonCarriesProvenanceNoticesPromisesAndDisputes()
    {
        var pack = EvidencePackBuilder.Build(Input());

        using var doc = JsonDocument.Parse(pack.Json);
        var root = doc.RootElement;
        Assert.Equal("collections-evidence-pack/1", root.GetProperty("schema").GetString());
        Assert.Equal("case-2026-000123", root.GetProperty("caseId").GetString());
        Assert.Equal("2026-08-14T01:00:00Z", root.GetProperty("generatedAt").GetString());
        Assert.Equal("杭州示例贸易有限公司", root.GetProperty("account").GetProperty("customerName").GetString());

        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(6, items.Count);
        var first = items.Single(i => i.GetProperty("invoiceId").GetString() == "INV-2026-0101");
        Assert.Equal("18250.40", first.GetProperty("openAmount").GetString());
        Assert.Equal("ledger_2026-06-12.csv", first.GetProperty("provenance").GetProperty("file").GetString());
        Assert.Equal(2, first.GetProperty("provenance").GetProperty("row").GetInt32());
        Assert.Equal(64, first.GetProperty("provenance").GetProperty("sha256").GetString()!.Length);
        var credit = items.Single(i => i.GetProperty("invoiceId").GetString() == "CN-2026-0007");
        Assert.Equal("-1200.00", credit.GetProperty("amount").GetString());
        Assert.True(items.Single(i => i.GetProperty("invoiceId").GetString() == "INV-2026-0130").GetProperty("disputed").GetBoolean());

        var notices = root.GetProperty("notices").EnumerateArray().ToList();
        Assert.Equal(["Reminder", "Demand", "FinalNotice"], notices.Select(n => n.GetProperty("kind").GetString()));
        Assert.Equal("op-2", notices[1].GetProperty("providerMessageId").GetString());
        Assert.Equal(["cfo@hz-example.cn"], notices[1].GetProperty("cc").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("Failed", notices[2].GetProperty("result").GetString());
        Assert.Equal("EmailDropped", notices[2].GetProperty("errorCode").GetString());

        var promise = Assert.Single(root.GetProperty("promises").EnumerateArray().ToList());
        Assert.Equal("Broken", promise.GetProperty("outcome").GetString());
        Assert.Equal("10000.00", promise.GetProperty("amount").GetString());
        var dispute = Assert.Single(root.GetProperty("disputes").EnumerateArray().ToList());
        Assert.Equal("INV-2026-0130", dispute.GetProperty("invoiceIds")[0].GetString());
    }

    [Fact]
    public void Build_SameInput_IsDeterministicAndHashesMatchContent()
    {
        var a = EvidencePackBuilder.Build(Input());
        var b = EvidencePackBuilder.Build(Input());

        Assert.Equal(a, b);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(a.Json))), a.JsonSha256);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(a.Html))), a.HtmlSha256);
        Assert.Equal("contoso-cn/C-1001/case-2026-000123/20260814T010000Z", a.BlobPrefix);
    }

    [Fact]
    public void Build_HostileValues_AreEscapedInHtmlAndValidInJson()
    {
        const string hostile = "<script>alert(1)</script>\" onerror=\"x";
        var input = Input() with
        {
            CustomerName = hostile,
            Items = NoticeFixtures.Items().Select((i, n) => n == 0 ? i with { InvoiceId = hostile, Provenance = new ItemProvenance(hostile, "ab", 2) } : i).ToList(),
            Disputes = [new EvidenceDispute(Generated, hostile, [hostile], hostile)],
        };

        var pack = EvidencePackBuilder.Build(input);

        Assert.DoesNotContain("<script>", pack.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("\" onerror", pack.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot; onerror=&quot;x", pack.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", pack.Json, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(pack.Json);
        Assert.Equal(hostile, doc.RootElement.GetProperty("account").GetProperty("customerName").GetString());
    }

    [Fact]
    public void Build_Html_ListsEveryNoticeAndItemProvenance()
    {
        var pack = EvidencePackBuilder.Build(Input());

        Assert.Contains("<td>ledger_2026-06-12.csv</td>", pack.Html, StringComparison.Ordinal);
        Assert.Contains("op-1", pack.Html, StringComparison.Ordinal);
        Assert.Contains("demand.zh-CN (builtin-2026.1)", pack.Html, StringComparison.Ordinal);
        Assert.Contains("Failed (Permanent, EmailDropped)", pack.Html, StringComparison.Ordinal);
        Assert.Contains("EUR 19,550.40", pack.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoHistory_SaysNoneRecorded()
    {
        var pack = EvidencePackBuilder.Build(Input() with { Notices = [], Promises = [], Disputes = [] });

        Assert.Equal(3, CountOf(pack.Html, "<p>None recorded.</p>"));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    private static EvidencePackInput Input()
    {
        var at = (int day) => new DateTimeOffset(2026, 6, day, 1, 0, 0, TimeSpan.Zero);
        return new EvidencePackInput(
            "case-2026-000123",
            new AccountKey("contoso-cn", "C-1001"),
            "杭州示例贸易有限公司",
            NoticeFixtures.Contact(NoticeLanguage.ChineseSimplified),
            NoticeFixtures.AsOf,
            NoticeFixtures.Items(),
            [
                new EvidenceNotice(at(16), NoticeKind.Demand, ["ap@hz-example.cn"], ["cfo@hz-example.cn"], "demand.zh-CN", "builtin-2026.1", new string('b', 64), "op-2", SendStatus.Sent),
                new EvidenceNotice(at(2), NoticeKind.Reminder, ["ap@hz-example.cn"], [], "reminder.zh-CN", "builtin-2026.1", new string('a', 64), "op-1", SendStatus.Sent),
                new EvidenceNotice(at(30), NoticeKind.FinalNotice, ["ap@hz-example.cn"], ["cfo@hz-example.cn"], "final-notice.zh-CN", "builtin-2026.1", new string('c', 64), "op-3", SendStatus.Failed, SendFailureKind.Permanent, "EmailDropped"),
            ],
            [new EvidencePromise(at(5), "ops:wang.fang", new DateOnly(2026, 6, 10), new Money(10000m, Currency.Parse("EUR")), EvidencePromiseOutcome.Broken)],
            [new EvidenceDispute(at(3), "ops:wang.fang", ["INV-2026-0130"], "货物到货时破损。")],
            Generated);
    }
}
