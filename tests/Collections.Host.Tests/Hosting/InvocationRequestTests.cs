using System.Text;
using System.Text.Json;
using Collections.Host.Hosting;

namespace Collections.Host.Tests.Hosting;

public sealed class InvocationRequestTests
{
    [Fact]
    public void Parse_DocumentedQueueSample_ReadsMessageAndMetadata()
    {
        var request = Parse(InvocationSamples.QueueTrigger);

        Assert.Equal("{ message: \"Message sent\" }", request.DataText());
        Assert.Equal("{ message: \"Message sent\" }", request.DataText("myQueueItem"));
        Assert.Equal(1, request.MetadataNumber("DequeueCount", 0));
        Assert.Equal("800ae4b3-bdd2-4c08-badd-f08e5a34b865", request.Metadata("Id"));
        Assert.Equal("AgAAAAMAAAAAAAAAAgtnj8x+1QE=", request.Metadata("PopReceipt"));
        Assert.Equal(new DateTimeOffset(2019, 10, 9, 17, 58, 31, TimeSpan.Zero), request.MetadataTime("InsertionTime"));
        Assert.Equal(new DateTimeOffset(2019, 10, 16, 17, 58, 31, TimeSpan.Zero), request.MetadataTime("ExpirationTime"));
    }

    [Fact]
    public void Parse_ValuesSerialisedAsStrings_ReadsTheSameValues()
    {
        var request = Parse(InvocationSamples.QueueTriggerStringly);

        Assert.Equal("{ message: \"Message sent\" }", request.DataText());
        Assert.Equal(3, request.MetadataNumber("DequeueCount", 0));
        Assert.Equal("800ae4b3-bdd2-4c08-badd-f08e5a34b865", request.Metadata("Id"));
        Assert.Equal("AgAAAAMAAAAAAAAAAgtnj8x+1QE=", request.Metadata("PopReceipt"));
        Assert.Equal(new DateTimeOffset(2019, 10, 9, 17, 58, 31, TimeSpan.Zero), request.MetadataTime("InsertionTime"));
        Assert.Equal(new DateTimeOffset(2019, 10, 16, 17, 58, 31, TimeSpan.Zero), request.MetadataTime("ExpirationTime"));
        Assert.Equal(new DateTimeOffset(2019, 10, 9, 18, 8, 32, TimeSpan.Zero), request.MetadataTime("NextVisibleTime"));
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("\"1\"", 1)]
    [InlineData("\"\\\"5\\\"\"", 5)]
    [InlineData("\"one\"", 7)]
    [InlineData("null", 7)]
    public void MetadataNumber_NumberOrStringOrJunk_ParsesOrFallsBack(string json, long expected)
    {
        var request = Parse($$"""{ "Data": {}, "Metadata": { "DequeueCount": {{json}} } }""");

        Assert.Equal(expected, request.MetadataNumber("DequeueCount", 7));
    }

    [Fact]
    public void MetadataNumber_Absent_ReturnsFallback() =>
        Assert.Equal(1, Parse("""{ "Data": { "m": "x" } }""").MetadataNumber("DequeueCount", 1));

    [Fact]
    public void Metadata_NameInOtherCase_IsFound() =>
        Assert.Equal("3", Parse("""{ "Metadata": { "dequeueCount": "3" } }""").Metadata("DequeueCount"));

    [Theory]
    [InlineData("2023-10-12T20:13:49.640002Z")]
    [InlineData("2023-10-12T20:13:49.640002+00:00")]
    [InlineData("\"2023-10-12T20:13:49.640002Z\"")]
    [InlineData("10/12/2023 20:13:49.640002")]
    [InlineData("2023-10-12 20:13:49.640002")]
    public void MetadataTime_LenientForms_AreTheSameInstant(string value)
    {
        var request = Parse(JsonSerializer.Serialize(new { Metadata = new { UtcNow = value } }));

        Assert.Equal(new DateTimeOffset(2023, 10, 12, 20, 13, 49, TimeSpan.Zero).AddTicks(6400020), request.MetadataTime("UtcNow"));
    }

    [Fact]
    public void MetadataTime_NotATime_IsNull() =>
        Assert.Null(Parse("""{ "Metadata": { "UtcNow": "soon" } }""").MetadataTime("UtcNow"));

    [Fact]
    public void Parse_TimerSample_DataIsTheTimerObjectAndSysIsReadable()
    {
        var request = Parse(InvocationSamples.TimerTrigger);

        using var timer = JsonDocument.Parse(request.DataText("timer")!);
        Assert.False(timer.RootElement.GetProperty("IsPastDue").GetBoolean());
        Assert.Contains("\"MethodName\":\"helloTimer\"", request.Metadata("sys")!.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void DataBytes_Base64BlobContent_IsDecoded()
    {
        var csv = "customer_id,customer_name\nC-1,北京华信科技有限公司\n"u8.ToArray();
        var request = Parse(InvocationSamples.Blob("ledger_2026-11-02.csv", csv));

        Assert.Equal(csv, request.DataBytes("ledger"));
        Assert.Equal(csv, request.DataBytes());
        Assert.Equal("ledger_2026-11-02.csv", request.Metadata("name"));
    }

    [Fact]
    public void DataBytes_NotBase64_IsTheUtf8Text() =>
        Assert.Equal(Encoding.UTF8.GetBytes("plain text!"), Parse("""{ "Data": { "b": "plain text!" } }""").DataBytes());

    [Fact]
    public void DataText_NoData_IsNull()
    {
        Assert.Null(Parse("{}").DataText());
        Assert.Null(Parse("""{ "Data": { "m": null } }""").DataText());
        Assert.Null(Parse("""{ "Data": "x" }""").DataText());
    }

    private static InvocationRequest Parse(string json) => InvocationRequest.Parse(JsonSerializer.Deserialize<JsonElement>(json));
}
