using System.Text.Json;
using Collections.Domain.Cases;
using Collections.Domain.Ledger;
using Collections.Notices.Email;
using Collections.Notices.Email.Smtp;
using Collections.Notices.Rendering;
using Collections.Notices.Templating;
using Collections.Notices.Tests.Support;
using Collections.TestSupport;

namespace Collections.Notices.Tests.Email.Smtp;

/// <summary>SMTP delivery into a real MailDev, checked through its REST API.</summary>
public sealed class SmtpEmailSenderTests(MailDevFixture mailDev) : IClassFixture<MailDevFixture>
{
    private static readonly NoticeRenderer Renderer = new(NoticeFixtures.Options(), NoticeTemplateCatalog.BuiltIn);

    [Fact]
    public async Task SendAsync_ChineseDemand_ArrivesIntactAsMultipartWithDerivedMessageId()
    {
        var notice = Renderer.Render(NoticeFixtures.Request(NoticeKind.Demand, NoticeLanguage.ChineseSimplified));
        var key = "contoso-cn/C-1001/case-1/demand/" + Guid.NewGuid().ToString("N");
        var sender = Sender();

        var result = await sender.SendAsync(EmailMessage.FromNotice(notice, key), CancellationToken.None);

        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.Equal(sender.MessageIdFor(key), result.ProviderMessageId);
        var email = await mailDev.WaitForEmailAsync(e => Header(e, "message-id") == result.ProviderMessageId);
        Assert.Equal(notice.Subject, email.GetProperty("subject").GetString());
        Assert.StartsWith("康拓贸易有限公司催款函：贵司账户C-1001逾期款项", notice.Subject, StringComparison.Ordinal);
        Assert.Equal(notice.Text.TrimEnd(), email.GetProperty("text").GetString()!.ReplaceLineEndings("\n").TrimEnd());
        Assert.Contains("<h2>催款函</h2>", email.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Contains("尊敬的李娜：", email.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal("ap@hz-example.cn", email.GetProperty("to")[0].GetProperty("address").GetString());
        Assert.Equal("李娜", email.GetProperty("to")[0].GetProperty("name").GetString());
        Assert.Equal("cfo@hz-example.cn", email.GetProperty("cc")[0].GetProperty("address").GetString());

        var source = await mailDev.GetSourceAsync(email.GetProperty("id").GetString()!);
        Assert.Contains("multipart/alternative", source, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Reply-To:", source, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SendAsync_HostileEnglishName_HtmlArrivesEscaped()
    {
        var request = NoticeFixtures.Request(NoticeKind.Reminder, NoticeLanguage.English) with { CustomerName = "<script>alert(1)</script>" };
        var notice = Renderer.Render(request);

        var result = await Sender().SendAsync(EmailMessage.FromNotice(notice, "k/" + Guid.NewGuid().ToString("N")), CancellationToken.None);

        var email = await mailDev.WaitForEmailAsync(e => Header(e, "message-id") == result.ProviderMessageId);
        Assert.DoesNotContain("<script>", email.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", email.GetProperty("html").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_NoServerListening_IsTransient()
    {
        var options = Options();
        options.Port = FreePort.Next();

        var result = await new SmtpEmailSender(options).SendAsync(
            new EmailMessage([new EmailAddress("a@b.example")], [], [], "s", "<p>h</p>", "t", "k"),
            CancellationToken.None);

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.Equal(SendFailureKind.Transient, result.Failure);
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var ex = Assert.Throws<NoticesConfigurationException>(() => new SmtpEmailSender(new SmtpEmailSenderOptions { Port = 0, UserName = "u" }));

        Assert.Equal(
            """
            Notices:Smtp options are invalid:
            - Host: The Host field is required.
            - Port: The field Port must be between 1 and 65535.
            - SenderAddress: The SenderAddress field is required.
            - UserName, Password: set both or neither
            """.ReplaceLineEndings(Environment.NewLine),
            ex.Message);
    }

    private SmtpEmailSender Sender() => new(Options());

    private SmtpEmailSenderOptions Options() => new()
    {
        Host = mailDev.Host,
        Port = mailDev.SmtpPort,
        UseStartTls = false,
        SenderAddress = "collections@contoso.example",
        SenderDisplayName = "康拓贸易 Collections",
        Timeout = TimeSpan.FromSeconds(10),
    };

    private static string? Header(JsonElement email, string name) =>
        email.TryGetProperty("headers", out var headers) && headers.TryGetProperty(name, out var value) ? value.GetString() : null;
}
