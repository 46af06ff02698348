using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Collections.Notices.Tests.Support;

namespace Collections.Notices.Tests.Email.Acs;

/// <summary>
/// A local HTTP server on 127.0.0.1 and a free port that answers like ACS Email (acs-email.md): the
/// test scripts each response, the server records every request it received.
/// </summary>
internal sealed class AcsStubServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<RecordedRequest, StubResponse> _handler;
    private readonly Task _loop;

    public AcsStubServer(Func<RecordedRequest, StubResponse> handler)
    {
        _handler = handler;
        var port = FreePort.Next();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Endpoint { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public IReadOnlyList<RecordedRequest> Posts => Requests.Where(r => r.Method == "POST").ToList();

    public IReadOnlyList<RecordedRequest> Gets => Requests.Where(r => r.Method == "GET").ToList();

    public string OperationUrl(string id) => $"{Endpoint}emails/operations/{id}?api-version=2023-03-31";

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
        {
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
                .ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            var recorded = new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.PathAndQuery, headers, body);
            Requests.Enqueue(recorded);

            StubResponse response;
            try
            {
                response = _handler(recorded);
            }
            catch (Exception ex)
            {
                response = new StubResponse(500, "{\"error\":{\"code\":\"StubError\",\"message\":\"" + ex.GetType().Name + "\"}}");
            }

            context.Response.StatusCode = response.Status;
            foreach (var (name, value) in response.Headers ?? [])
            {
                context.Response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(response.Body ?? string.Empty);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}

internal sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Header(string name) => Headers.TryGetValue(name, out var v) ? v : string.Empty;
}

internal sealed record StubResponse(int Status, string? Body = null, IReadOnlyList<(string Name, string Value)>? Headers = null);
