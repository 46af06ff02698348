namespace Collections.Host.Tests.Hosting;

/// <summary>
/// Invocation bodies as the Functions host sends them (shared/docs/functions-custom-handler.md), plus the
/// variants its one-by-one serialisation produces: numbers as strings, extra quotes, other timestamp forms.
/// </summary>
internal static class InvocationSamples
{
    /// <summary>The documented queue trigger sample.</summary>
    public const string QueueTrigger = """
        {
          "Data": { "myQueueItem": "{ message: \"Message sent\" }" },
          "Metadata": {
            "DequeueCount": 1,
            "ExpirationTime": "2019-10-16T17:58:31+00:00",
            "Id": "800ae4b3-bdd2-4c08-badd-f08e5a34b865",
            "InsertionTime": "2019-10-09T17:58:31+00:00",
            "NextVisibleTime": "2019-10-09T18:08:32+00:00",
            "PopReceipt": "AgAAAAMAAAAAAAAAAgtnj8x+1QE=",
            "sys": { "MethodName": "QueueTrigger", "UtcNow": "2019-10-09T17:58:32.2205399Z", "RandGuid": "24ad4c06-24ad-4e5b-8294-3da9714877e9" }
          }
        }
        """;

    /// <summary>The same with values serialised as JSON strings: a quoted number, quoted ids, other timestamp forms.</summary>
    public const string QueueTriggerStringly = """
        {
          "Data": { "myQueueItem": "\"{ message: \\\"Message sent\\\" }\"" },
          "Metadata": {
            "DequeueCount": "3",
            "ExpirationTime": "10/16/2019 17:58:31 +00:00",
            "Id": "\"800ae4b3-bdd2-4c08-badd-f08e5a34b865\"",
            "InsertionTime": "\"2019-10-09T17:58:31Z\"",
            "NextVisibleTime": "2019-10-09 18:08:32",
            "PopReceipt": "\"AgAAAAMAAAAAAAAAAgtnj8x+1QE=\""
          }
        }
        """;

    /// <summary>The timer trigger sample (from a third-party handler's tests).</summary>
    public const string TimerTrigger = """
        { "Data": { "timer": { "Schedule": { "AdjustForDST": true },
            "ScheduleStatus": { "Last": "2023-10-12T20:13:49.640002Z", "Next": "2023-10-12T20:13:49.640002Z", "LastUpdated": "2023-10-12T20:13:49.640002Z" },
            "IsPastDue": false } },
          "Metadata": { "sys": { "MethodName": "helloTimer", "UtcNow": "2023-10-12T20:13:49.640002Z", "RandGuid": "4e773554-f6b7-4ea2-b07d-4c5fd5aba741" } } }
        """;

    /// <summary>A queue invocation carrying <paramref name="message"/> for the named binding.</summary>
    public static string Queue(string binding, string message, object dequeueCount) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Data"] = new Dictionary<string, object> { [binding] = message },
            ["Metadata"] = new Dictionary<string, object>
            {
                ["DequeueCount"] = dequeueCount,
                ["Id"] = "\"" + Guid.NewGuid() + "\"",
                ["InsertionTime"] = "2026-11-02T01:00:00+00:00",
                ["sys"] = new Dictionary<string, object> { ["MethodName"] = binding, ["UtcNow"] = "2026-11-02T01:00:00.1234567Z" },
            },
        });

    /// <summary>A blob trigger invocation: content base64 in Data, path token and blob details in Metadata.</summary>
    public static string Blob(string name, byte[] content) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Data"] = new Dictionary<string, object> { ["ledger"] = Convert.ToBase64String(content) },
            ["Metadata"] = new Dictionary<string, object>
            {
                ["name"] = "\"" + name + "\"",
                ["Uri"] = "\"http://127.0.0.1:10000/devstoreaccount1/ledgers/" + name + "\"",
                ["Properties"] = new Dictionary<string, object> { ["Length"] = content.Length, ["ContentType"] = "text/csv" },
                ["Metadata"] = new Dictionary<string, object>(),
                ["sys"] = new Dictionary<string, object> { ["MethodName"] = "LedgerIngest", ["UtcNow"] = "2026-11-02T01:00:00Z" },
            },
        });
}
