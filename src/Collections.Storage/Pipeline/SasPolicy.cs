using Azure.Core;
using Azure.Core.Pipeline;

namespace Collections.Storage.Pipeline;

/// <summary>Appends the shared access signature's query parameters to every request URL.</summary>
internal sealed class SasPolicy(string sas) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var uri = message.Request.Uri;
        var existing = uri.Query;
        if (existing.Contains("sig=", StringComparison.Ordinal))
        {
            return;
        }

        uri.Query = string.IsNullOrEmpty(existing) || string.Equals(existing, "?", StringComparison.Ordinal) ? "?" + sas : existing + "&" + sas;
    }
}
