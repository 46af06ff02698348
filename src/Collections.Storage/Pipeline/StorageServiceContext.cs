using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Collections.Storage.Pipeline;

/// <summary>What every client of one service shares: the pipeline, the endpoint and the options.</summary>
internal sealed class StorageServiceContext
{
    private StorageServiceContext(HttpPipeline pipeline, Uri endpoint, StorageConnection connection, StorageClientOptions options)
    {
        Pipeline = pipeline;
        Endpoint = endpoint.AbsoluteUri.TrimEnd('/');
        Connection = connection;
        Options = options;
    }

    public HttpPipeline Pipeline { get; }

    /// <summary>The service endpoint without a trailing slash (path-style for Azurite: ends in the account).</summary>
    public string Endpoint { get; }

    public StorageConnection Connection { get; }

    public StorageClientOptions Options { get; }

    public static StorageServiceContext Create(StorageConnection connection, StorageClientOptions options, StorageService service)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = connection.GetEndpoint(service);
        options.RetryPolicy ??= new StorageRetryPolicy(options.Retry);

        var pipelineOptions = new HttpPipelineOptions(options)
        {
            RequestFailedDetailsParser = StorageErrorParser.Instance,
        };
        pipelineOptions.PerRetryPolicies.Add(new StorageHeadersPolicy(options.TimeProvider, options.ServiceVersion));
        switch (connection.CredentialKind)
        {
            case StorageCredentialKind.SharedKey:
                pipelineOptions.PerRetryPolicies.Add(new SharedKeyPolicy(connection.SharedKeyCredential!, table: service == StorageService.Table));
                break;
            case StorageCredentialKind.SharedAccessSignature:
                pipelineOptions.PerCallPolicies.Add(new SasPolicy(connection.SharedAccessSignature!));
                break;
            default:
                pipelineOptions.PerRetryPolicies.Add(new BearerTokenAuthenticationPolicy(connection.TokenCredential!, StorageConnection.StorageScope));
                break;
        }

        return new StorageServiceContext(HttpPipelineBuilder.Build(pipelineOptions), endpoint, connection, options);
    }

    public HttpMessage CreateMessage(RequestMethod method, string uri)
    {
        var message = Pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(new Uri(uri));
        return message;
    }

    /// <summary>Sends and throws <see cref="RequestFailedException"/> for any status not in <paramref name="accepted"/> when the response is an error.</summary>
    public async ValueTask<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken, params int[] accepted)
    {
        await Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.IsError && Array.IndexOf(accepted, response.Status) < 0)
        {
            throw await CreateExceptionAsync(response, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    public static async ValueTask<RequestFailedException> CreateExceptionAsync(Response response, CancellationToken cancellationToken)
    {
        if (response.ContentStream is { CanSeek: false } stream)
        {
            // Unbuffered (streaming download) responses: buffer the error body so the exception can read it.
            var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            buffer.Position = 0;
            response.ContentStream = buffer;
        }

        return new RequestFailedException(response, null, StorageErrorParser.Instance);
    }
}
