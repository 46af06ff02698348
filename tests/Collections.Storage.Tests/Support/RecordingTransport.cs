using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Collections.Storage.Tests.Support;

/// <summary>
/// A fake transport: records every request exactly as it would go on the wire (headers after .NET's own handling,
/// body bytes) and answers from a queue of canned responses. It wraps Azure.Core's HttpClientTransport over an
/// in-memory handler, so nothing touches the network.
/// </summary>
public sealed class RecordingTransport : HttpPipelineTransport
{
    private readonly HttpClientTransport _inner;
    private readonly Queue<Func<HttpResponseMessage>> _responses = new();

    public RecordingTransport()
    {
        _inner = new HttpClientTransport(new HttpClient(new Handler(this)));
    }

    public List<RecordedRequest> Requests { get; } = [];

    public RecordingTransport Enqueue(int status, string? body = null, params (string Name, string Value)[] headers)
    {
        _responses.Enqueue(() =>
        {
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body ?? string.Empty)) };
            foreach (var (name, value) in headers)
            {
                if (!response.Headers.TryAddWithoutValidation(name, value))
                {
                    response.Content.Headers.TryAddWithoutValidation(name, value);
                }
            }

            return response;
        });
        return this;
    }

    public RecordingTransport EnqueueFailure(Exception exception)
    {
        _responses.Enqueue(() => throw exception);
        return this;
    }

    public override Request CreateRequest() => _inner.CreateRequest();

    public override void Process(HttpMessage message) => _inner.Process(message);

    public override ValueTask ProcessAsync(HttpMessage message) => _inner.ProcessAsync(message);

    private sealed class Handler(RecordingTransport owner) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            void Add(HttpHeaders h)
            {
                foreach (var header in h.NonValidated)
                {
                    headers[header.Key] = string.Join(", ", header.Value);
                }
            }

            Add(request.Headers);
            var body = Array.Empty<byte>();
            if (request.Content is not null)
            {
                body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
                Add(request.Content.Headers);
            }

            owner.Requests.Add(new RecordedRequest(request.Method.Method, request.RequestUri!.AbsoluteUri, headers, body));
            return owner._responses.Count > 0 ? owner._responses.Dequeue()() : new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) };
        }
    }
}
