using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Collections.Functions.Tests.Api;

/// <summary>An exception handler whose answer no default could give: proves the dispatcher runs the registered ones.</summary>
internal sealed class TeapotExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        httpContext.Response.StatusCode = StatusCodes.Status418ImATeapot;
        await httpContext.Response.WriteAsync("teapot", cancellationToken);
        return true;
    }
}
