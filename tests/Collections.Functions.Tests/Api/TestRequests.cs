using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Collections.Functions.Tests.Api;

/// <summary>An HTTP request as a function receives it, and its answer once the response has started.</summary>
internal static class TestRequests
{
    public static (DefaultHttpContext Http, StartingResponseFeature Response) Create(IServiceProvider services, string? key)
    {
        var response = new StartingResponseFeature { Body = new MemoryStream() };
        var http = new DefaultHttpContext { RequestServices = services };
        http.Features.Set<IHttpResponseFeature>(response);
        http.Response.Body = response.Body;
        if (key is not null)
        {
            http.Request.Headers["x-functions-key"] = key;
        }

        return (http, response);
    }

    public static async Task<TestAnswer> AnswerAsync(DefaultHttpContext http, StartingResponseFeature response, IResult result)
    {
        await result.ExecuteAsync(http);
        await response.StartAsync();
        response.Body.Position = 0;
        using var reader = new StreamReader(response.Body, leaveOpen: true);
        return new TestAnswer(http.Response.StatusCode, http.Response.ContentType, await reader.ReadToEndAsync(), http.Response.Headers.XContentTypeOptions.ToString());
    }
}
