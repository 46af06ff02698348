using System.Globalization;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Collections.Notices.Email.Acs;

/// <summary>Signs every request with the resource's access key (x-ms-date, x-ms-content-sha256, Authorization).</summary>
internal sealed class AcsHmacAuthenticationPolicy(AzureKeyCredential credential, TimeProvider timeProvider) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        byte[] body = [];
        if (request.Content is { } content)
        {
            using var buffer = new MemoryStream();
            content.WriteTo(buffer, message.CancellationToken);
            body = buffer.ToArray();
        }

        var uri = request.Uri.ToUri();
        var date = timeProvider.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        var contentHash = AcsRequestSigner.ContentHash(body);
        var stringToSign = AcsRequestSigner.StringToSign(request.Method.Method, uri.PathAndQuery, date, uri.Authority, contentHash);
        request.Headers.SetValue("x-ms-date", date);
        request.Headers.SetValue("x-ms-content-sha256", contentHash);
        request.Headers.SetValue(HttpHeader.Names.Authorization, AcsRequestSigner.Authorization(AcsRequestSigner.Signature(stringToSign, credential.Key)));
    }
}
