using System.Text.Json;
using Collections.Notices.Email;
using Collections.Notices.Email.Acs;

namespace Collections.Notices.Tests.Email.Acs;

/// <summary>The ACS sender against a local stub speaking the documented protocol.</summary>
public sealed class AcsEmailSenderTests
{
    private const string AccessKey = "Y29sbGVjdGlvbnMtbm90aWNlcy1obWFjLXRlc3Qta2V5LTIwMjYh";

    private static readonly EmailMessage Message = new(
        [new EmailAddress("ap@debtor.example", "李娜")],
        [new EmailAddress("cfo@debtor.example")],
        [new EmailAddress("ar@contoso.example", "Contoso")],
        "催款函：贵司账户C-1001逾期款项",
        "<p>html</p>",
        "text",
        "contoso-cn/C-1001/case-7/demand/1");

    [Fact]
    public async Task SendAsync_AcceptedThenRunningThenSucceeded_ReturnsSentWithOperationId()
    {
        var polls = 0;
        await using var stub = new AcsStubServer(r => r.Method == "POST"
            ? Accepted(r, stubUrl: null)
            : Interlocked.Increment(ref polls) == 1 ? Status("Running", r) : Status("Succeeded", r));
        var sender = Sender(stub);

        var result = await sender.SendAsync(Message, CancellationToken.None);

        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.Equal(Message.OperationId.ToString("D"), result.ProviderMessageId);
        var post = Assert.Single(stub.Posts);
        Assert.Equal("/emails:send?api-version=2023-03-31", post.PathAndQuery);
        Assert.Equal(Message.OperationId.ToString("D"), post.Header("Operation-Id"));
        Assert.Equal(2, stub.Gets.Count);
        Assert.All(stub.Gets, g => Assert.Equal($"/emails/operations/{Message.OperationId:D}?api-version=2023-03-31", g.PathAndQuery));
    }

    [Fact]
    public async Task SendAsync_EveryRequest_IsSignedWithValidHmac()
    {
        await using var stub = new AcsStubServer(r => r.Method == "POST" ? Accepted(r, null) : Status("Succeeded", r));

        await Sender(stub).SendAsync(Message, CancellationToken.None);

        Assert.NotEmpty(stub.Requests);
        foreach (var r in stub.Requests)
        {
            var date = r.Header("x-ms-date");
            var contentHash = r.Header("x-ms-content-sha256");
            Assert.Matches(@"^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$", date);
            Assert.Equal(AcsRequestSigner.ContentHash(System.Text.Encoding.UTF8.GetBytes(r.Body)), contentHash);
            var host = r.Header("Host");
            Assert.Equal(stub.Endpoint.Authority, host);
            var expected = AcsRequestSigner.Signature(AcsRequestSigner.StringToSign(r.Method, r.PathAndQuery, date, host, contentHash), AccessKey);
            Assert.Equal(AcsRequestSigner.Authorization(expected), r.Header("Authorization"));
        }
    }

    [Fact]
    public async Task SendAsync_Body_UsesStableApiFieldNames()
    {
        await using var stub = new AcsStubServer(r => r.Method == "POST" ? Accepted(r, null) : Status("Succeeded", r));

        await Sender(stub).SendAsync(Message, CancellationToken.None);

        using var doc = JsonDocument.Parse(stub.Posts[0].Body);
        var root = doc.RootElement;
        Assert.Equal("DoNotReply@contoso.example", root.GetProperty("senderAddress").GetString());
        Assert.Equal("催款函：贵司账户C-1001逾期款项", root.GetProperty("content").GetProperty("subject").GetString());
        Assert.Equal("text", root.GetProperty("content").GetProperty("plainText").GetString());
        Assert.Equal("<p>html</p>", root.GetProperty("content").GetProperty("html").GetString());
        Assert.Equal("李娜", root.GetProperty("recipients").GetProperty("to")[0].GetProperty("displayName").GetString());
        Assert.Equal("cfo@debtor.example", root.GetProperty("recipients").GetProperty("cc")[0].GetProperty("address").GetString());
        Assert.Equal("ar@contoso.example", root.GetProperty("replyTo")[0].GetProperty("address").GetString());
        Assert.True(root.GetProperty("userEngagementTrackingDisabled").GetBoolean());
    }

    [Fact]
    public async Task SendAsync_Throttled429WithRetryAfter_RetriesWithSameOperationId()
    {
        var posts = 0;
        await using var stub = new AcsStubServer(r => r.Method == "POST"
            ? Interlocked.Increment(ref posts) == 1
                ? new StubResponse(429, """{"error":{"code":"TooManyRequests","message":"Rate limit"}}""", [("Retry-After", "1")])
                : Accepted(r, null)
            : Status("Succeeded", r));

        var result = await Sender(stub).SendAsync(Message, CancellationToken.None);

        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.Equal(2, stub.Posts.Count);
        Assert.Equal(stub.Posts[0].Header("Operation-Id"), stub.Posts[1].Header("Operation-Id"));
        Assert.All(stub.Posts, p => Assert.StartsWith("HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=", p.Header("Authorization"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_RetryAfterLongerThanAllowed_GivesUpAsTransient()
    {
        await using var stub = new AcsStubServer(_ => new StubResponse(429, null, [("Retry-After", "3600")]));

        var result = await Sender(stub).SendAsync(Message, CancellationToken.None);

        Assert.Equal(SendFailureKind.Transient, result.Failure);
        Assert.Single(stub.Posts);
    }

    [Fact]
    public async Task SendAsync_OperationFailed_IsPermanentWithProviderError()
    {
        await using var stub = new AcsStubServer(r => r.Method == "POST"
            ? Accepted(r, null)
            : new StubResponse(200, $$$"""{"id":"{{{Id(r)}}}","status":"Failed","error":{"code":"EmailDropped","message":"Email was dropped after several attempts to deliver."}}"""));

        var result = await Sender(stub).SendAsync(Message, CancellationToken.None);

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.Equal(SendFailureKind.Permanent, result.Failure);
        Assert.Equal("EmailDropped", result.ErrorCode);
        Assert.Equal("Email was dropped after several attempts to deliver.", result.ErrorDetail);
        Assert.Equal(Message.OperationId.ToString("D"), result.ProviderMessageId);
    }

    [Fact]
    public async Task SendAsync_BadRequest_IsPermanentAndNotRetried()
    {
        await using var stub = new AcsStubServer(_ => new StubResponse(400, """{"error":{"code":"InvalidSenderAddress","message":"The sender is not verified."}}"""));

        var result = await Sender(stub).SendAsync(Message, CancellationToken.None);

        Assert.Equal(SendFailureKind.Permanent, result.Failure);
        Assert.Equal("InvalidSenderAddress", result.ErrorCode);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task SendAsync_ServerErrorsUntilAttemptsRunOut_IsTransient()
    {
        await using var stub = new AcsStubServer(_ => new StubResponse(503, "not json"));

        var result = await Sender(stub).SendAsync(Message, CancellationToken.None);

        Assert.Equal(SendFailureKind.Transient, result.Failure);
        Assert.Equal("HTTP 503", result.ErrorCode);
        Assert.Equal(3, stub.Posts.Count);
        Assert.Single(stub.Posts.Select(p => p.Header("Operation-Id")).Distinct());
    }

    [Fact]
    public async Task SendAsync_SameIdempotencyKeyInTwoCalls_SendsSameOperationId()
    {
        await using var stub = new AcsStubServer(r => r.Method == "POST" ? Accepted(r, null) : Status("Succeeded", r));
        var sender = Sender(stub);

        await sender.SendAsync(Message, CancellationToken.None);
        await sender.SendAsync(Message with { Subject = "retry after a crash" }, CancellationToken.None);
        await sender.SendAsync(Message with { IdempotencyKey = "contoso-cn/C-1001/case-7/demand/2" }, CancellationToken.None);

        var ids = stub.Posts.Select(p => p.Header("Operation-Id")).ToList();
        Assert.Equal(ids[0], ids[1]);
        Assert.NotEqual(ids[0], ids[2]);
    }

    [Fact]
    public async Task SendAsync_OperationLocationOnForeignHost_IsNotFollowed()
    {
        await using var stub = new AcsStubServer(r => r.Method == "POST"
            ? Accepted(r, "http://evil.example/emails/operations/x?api-version=2023-03-31")
            : Status("Succeeded", r));

        var result = await Sender(stub).SendAsync(Message, CancellationToken.None);

        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.Equal($"/emails/operations/{Message.OperationId:D}?api-version=2023-03-31", Assert.Single(stub.Gets).PathAndQuery);
    }

    [Fact]
    public async Task SendAsync_NoRecipients_FailsPermanentlyWithoutCallingTheService()
    {
        await using var stub = new AcsStubServer(_ => new StubResponse(500));

        var result = await Sender(stub).SendAsync(Message with { To = [] }, CancellationToken.None);

        Assert.Equal(SendFailureKind.Permanent, result.Failure);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var options = new AcsEmailSenderOptions { SendsPerMinute = 0, MaxAttempts = 0 };

        var ex = Assert.Throws<Notices.NoticesConfigurationException>(() => new AcsEmailSender("endpoint=https://x/;accesskey=c2VjcmV0", options));

        Assert.Equal(
            """
            Notices:Acs options are invalid:
            - SenderAddress: The SenderAddress field is required.
            - SendsPerMinute: The field SendsPerMinute must be between 1 and 100000.
            - MaxAttempts: The field MaxAttempts must be between 1 and 20.
            """.ReplaceLineEndings(Environment.NewLine),
            ex.Message);
    }

    private static AcsEmailSender Sender(AcsStubServer stub) =>
        new(
            $"endpoint={stub.Endpoint};accesskey={AccessKey}",
            new AcsEmailSenderOptions
            {
                SenderAddress = "DoNotReply@contoso.example",
                PollInterval = TimeSpan.Zero,
                RetryDelay = TimeSpan.Zero,
                MaxAttempts = 3,
                MaxRetryAfter = TimeSpan.FromSeconds(5),
            });

    private static string Id(RecordedRequest r) =>
        r.Method == "POST" ? r.Header("Operation-Id") : r.PathAndQuery.Split('/')[3].Split('?')[0];

    private static StubResponse Accepted(RecordedRequest r, string? stubUrl)
    {
        var id = Id(r);
        var location = stubUrl ?? $"http://{r.Header("Host")}/emails/operations/{id}?api-version=2023-03-31";
        return new StubResponse(202, $$"""{"id":"{{id}}","status":"Running"}""", [("Operation-Location", location), ("retry-after", "0")]);
    }

    private static StubResponse Status(string status, RecordedRequest r) =>
        new(200, $$"""{"id":"{{Id(r)}}","status":"{{status}}"}""", [("retry-after", "0")]);
}
