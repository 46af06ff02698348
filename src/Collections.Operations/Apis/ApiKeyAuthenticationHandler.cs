using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Collections.Operations.Apis;

/// <summary>
/// Authenticates the <c>x-functions-key</c> header or <c>code</c> query parameter against the configured keys.
/// The principal's name is <c>role:fingerprint</c> (recorded as the actor of every event); operators also hold the
/// reader role. Challenges answer 401 and forbids 403, both as ProblemDetails.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyRing keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? presented = Request.Headers[ApiRoles.KeyHeader];
        if (string.IsNullOrEmpty(presented))
        {
            presented = Request.Query[ApiRoles.KeyQuery];
        }

        if (string.IsNullOrEmpty(presented))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (keys.Match(presented) is not { } match)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        List<Claim> claims = [new(ClaimTypes.Name, match.Role + ":" + match.Fingerprint), new(ClaimTypes.Role, ApiRoles.Reader)];
        if (string.Equals(match.Role, ApiRoles.Operator, StringComparison.Ordinal))
        {
            claims.Add(new Claim(ClaimTypes.Role, ApiRoles.Operator));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiRoles.Scheme));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, ApiRoles.Scheme)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "FunctionsKey header=\"x-functions-key\"";
        await WriteAsync(new ProblemDetails
        {
            Status = StatusCodes.Status401Unauthorized,
            Title = "Unauthorized",
            Detail = "Send a valid API key in the x-functions-key header or the code query parameter.",
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        await WriteAsync(new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "Forbidden",
            Detail = "This action needs an operator key; the key sent may only read.",
        });
    }

    private Task WriteAsync(ProblemDetails problem) => ApiProblemWriter.WriteAsync(Context, problem);
}
