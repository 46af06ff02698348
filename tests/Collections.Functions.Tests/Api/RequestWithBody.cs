using Microsoft.AspNetCore.Http.Features;

namespace Collections.Functions.Tests.Api;

/// <summary>Tells minimal APIs the request has a body (a server sets this; DefaultHttpContext does not).</summary>
internal sealed class RequestWithBody : IHttpRequestBodyDetectionFeature
{
    public bool CanHaveBody => true;
}
