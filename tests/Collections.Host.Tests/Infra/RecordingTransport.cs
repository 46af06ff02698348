using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Collections.Host.Tests.Infra;

/// <summary>
/// A transport that records each request (method, URI, headers) and answers with a canned status, through Azure.Core's
/// HttpClientTransport over an in-memory handler: nothing touches the network.
/// </summary>
internal sealed class RecordingTransport : HttpPipelineTransport
{
    private readonly HttpClientTransport _inner;

    public RecordingTransport(HttpStatusCode status, string body = "")
    {
        _inner = new HttpClientTransport(new HttpClient(new Handler(this, status, body)));
    }

    public List<(string Method, Uri Uri, Dictionary<string, string> Headers)> Requests { get; } = [];

    public override Request CreateRequest() => _inner.CreateRequest();

    public override void Process(HttpMessage message) => _inner.Process(message);

    public override ValueTask ProcessAsync(HttpMessage message) => _inner.ProcessAsync(message);

    private sealed class Handler(RecordingTransport owner, HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = request.Headers.NonValidated.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
            lock (owner.Requests)
            {
                owner.Requests.Add((request.Method.Method, request.RequestUri!, headers));
            }

            var response = new HttpResponseMessage(status) { Content = new StringContent(body) };
            response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return Task.FromResult(response);
        }
    }
}
