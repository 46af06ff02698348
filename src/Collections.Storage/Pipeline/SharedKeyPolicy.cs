using Azure.Core;
using Azure.Core.Pipeline;

namespace Collections.Storage.Pipeline;

/// <summary>Signs blob and queue requests with SharedKey, or table requests with SharedKeyLite.</summary>
internal sealed class SharedKeyPolicy(StorageSharedKeyCredential credential, bool table) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        var stringToSign = table
            ? SharedKeySigner.TableStringToSign(request, credential.AccountName)
            : SharedKeySigner.BlobQueueStringToSign(request, credential.AccountName);
        var scheme = table ? "SharedKeyLite" : "SharedKey";
        request.Headers.SetValue(HttpHeader.Names.Authorization, $"{scheme} {credential.AccountName}:{credential.ComputeHmacSha256(stringToSign)}");
    }
}
