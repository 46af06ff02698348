using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Collections.Storage.Pipeline;

/// <summary>Adds <c>x-ms-date</c> (from the injected clock, on every try) and <c>x-ms-version</c>. Never a <c>Date</c> header.</summary>
internal sealed class StorageHeadersPolicy(TimeProvider timeProvider, string serviceVersion) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        message.Request.Headers.SetValue("x-ms-date", timeProvider.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
        message.Request.Headers.SetValue("x-ms-version", serviceVersion);
    }
}
